import { useCallback, useEffect } from 'react'
import { createStore, useStore } from '../lib/store'
import { usersService, type Profile } from '../services/users'

type MeState = { profile: Profile | null; loading: boolean; error: string | null }

const meStore = createStore<MeState>({ profile: null, loading: false, error: null })

/** Loads (or reloads) the signed-in person; every page that shows "me" sees the result. */
export async function refreshMe(): Promise<Profile | null> {
  meStore.set({ ...meStore.get(), loading: true, error: null })
  try {
    const profile = await usersService.me()
    meStore.set({ profile, loading: false, error: null })
    return profile
  } catch (error) {
    meStore.set({
      profile: meStore.get().profile,
      loading: false,
      error: error instanceof Error ? error.message : String(error),
    })
    return null
  }
}

/** Replaces the cached profile after an action that answers with the new one. */
export function setMe(profile: Profile | null): void {
  meStore.set({ profile, loading: false, error: null })
}

export function useMe() {
  const state = useStore(meStore)
  useEffect(() => {
    // A page opened directly (H5 deep link, a subpackage page) still needs to know who is here.
    const { profile, loading } = meStore.get()
    if (!profile && !loading) void refreshMe()
  }, [])
  const reload = useCallback(() => refreshMe(), [])
  return { ...state, reload }
}
