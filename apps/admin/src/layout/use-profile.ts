import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetIdentity } from 'react-admin';
import type { RoleName } from '../auth/auth.types';
import type { LevierDataProvider } from '../dataProvider';

/** `GET /api/auth/me`: the signed-in user's name, organisation and roles (each on the id of its unit, or the whole organisation). */
export interface Profile {
  email: string;
  displayName: string;
  organisation: { id: string; name: string };
  roles: { role: RoleName; orgUnitId: string | null }[];
}

/** The signed-in user's profile, read once and shared by the app bar and the user menu (the login answer carries no organisation name). */
export const useProfile = () => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  const { identity } = useGetIdentity();
  const profile = useQuery<Profile | null>({
    queryKey: ['auth', 'me', identity?.id],
    queryFn: ({ signal }) => (dataProvider.apiGet ? dataProvider.apiGet<Profile>('/auth/me', { signal }) : Promise.resolve(null)),
    enabled: identity?.id !== undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { identity, profile: profile.data ?? null };
};
