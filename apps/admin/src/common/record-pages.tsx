/** The edit and create pages of a resource around its one form, the same for every Levier resource. */
import type { ComponentType } from 'react';
import { Create, type CreateProps, Edit, type EditProps } from 'react-admin';

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
