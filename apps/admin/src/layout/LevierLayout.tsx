import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { HtmlLang } from './HtmlLang';
import { LevierAppBar } from './LevierAppBar';
import { LevierMenu } from './LevierMenu';

export const LevierLayout = ({ children }: { children: ReactNode }) => (
  // minWidth 0: wide tables scroll inside their cards instead of pushing the page sideways (tablet widths).
  <Layout
    appBar={LevierAppBar}
    menu={LevierMenu}
    sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } }}
  >
    <HtmlLang />
    {children}
  </Layout>
);
