/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** H5: base URL of the local host's API; '' means the page's own origin (config/index.ts). */
declare const API_BASE_URL: string
/** weapp: CloudBase environment id; '' means the default environment (config/index.ts). */
declare const CLOUD_ENV_ID: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    TARO_APP_API_BASE_URL?: string
    TARO_APP_CLOUD_ENV?: string
  }
}

/** react-dom's client API as the jsdom component tests use it (no @types/react-dom is installed). */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react'
  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }
  export function createRoot(container: Element): Root
}
