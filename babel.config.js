// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI React Taro 2.7 ships one module per component under dist/esm/<Name>, each with a
// style/css entry; babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'`
// to those files, so only the components we use (and their CSS) reach the packages.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/esm/${name}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/esm/${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
