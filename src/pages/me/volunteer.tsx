import { movedTo } from '../../components/moved-page'

/** 申请成为志愿者 moved to the users subpackage; the old URL still leads there. */
export default movedTo('/pages/users/volunteer')
