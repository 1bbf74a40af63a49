import DnsIcon from '@mui/icons-material/Dns';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { Menu, useDataProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';

/** `GET /api/operations/me`: whether the signed-in user is an instance operator (granted with `levier operator:grant`). */
interface OperatorRights {
  operator: boolean;
  mayRetry: boolean;
}

/**
 * « Files d’attente », for instance operators only: asks the API for the dashboard's cookie (the page opens in a new tab,
 * which carries no bearer token), then opens Bull Board there. Nothing for anyone else (the API refuses them anyway).
 */
export const QueueBoardMenuItem = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const { identity } = useGetIdentity();
  const rights = useQuery<OperatorRights | null>({
    queryKey: ['operations', 'me', identity?.id],
    queryFn: ({ signal }) => (dataProvider.apiGet ? dataProvider.apiGet<OperatorRights>('/operations/me', { signal }) : Promise.resolve(null)),
    enabled: identity?.id !== undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!rights.data?.operator) return null;

  const open = async (): Promise<void> => {
    // opened during the click (a tab opened after an await is blocked as a pop-up), pointed at the board once the cookie is set
    const tab = window.open('', '_blank');
    try {
      const answer = await dataProvider.apiPost?.<{ url: string }>('/operations/queue-board-session', {});
      if (!answer || !tab) throw new Error('no session');
      tab.opener = null;
      tab.location.href = answer.json.url;
    } catch {
      tab?.close();
      notify('levier.operations.open_failed', { type: 'error' });
    }
  };

  return (
    <Menu.Item
      to="#"
      primaryText={translate('levier.menu.queues')}
      leftIcon={<DnsIcon />}
      onClick={(event: MouseEvent<HTMLLIElement>) => {
        event.preventDefault();
        void open();
      }}
    />
  );
};
