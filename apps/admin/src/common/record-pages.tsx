/** The pages of a resource, the same for every Levier resource: edit and create around its one form, show. */
import type { ComponentType, ReactNode } from 'react';
import { Create, type CreateProps, Edit, type EditProps, Show, type ShowProps, SimpleShowLayout } from 'react-admin';

/**
 * `Edit`: pessimistic (the page waits for the API, so a refused write — a 409 or a 422 in French — stays on screen with
 * the form as typed); `Create`: where to go after the save and the values the form starts with.
 */
export const recordPages = (Form: ComponentType, create: Pick<CreateProps, 'redirect' | 'record'>) => {
  const EditPage = (props: Omit<EditProps, 'children'>) => (
    <Edit mutationMode="pessimistic" {...props}>
      <Form />
    </Edit>
  );
  const CreatePage = () => (
    <Create {...create}>
      <Form />
    </Create>
  );
  return { Edit: EditPage, Create: CreatePage };
};

/** A record's page: its fields one under another, with their labels (react-admin's Show around a SimpleShowLayout). */
export const ShowPage = ({ children, ...props }: Omit<ShowProps, 'children'> & { children: ReactNode }) => (
  <Show {...props}>
    <SimpleShowLayout>{children}</SimpleShowLayout>
  </Show>
);
