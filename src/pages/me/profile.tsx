import { movedTo } from '../../components/moved-page'

/** 编辑资料 moved to the users subpackage; the old URL still leads there. */
export default movedTo('/pages/users/profile')
