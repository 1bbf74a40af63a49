import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { HtmlLang } from './HtmlLang';
import { LevierAppBar } from './LevierAppBar';
import { LevierMenu } from './LevierMenu';

export const LevierLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={LevierAppBar} menu={LevierMenu}>
    <HtmlLang />
    {children}
  </Layout>
);
