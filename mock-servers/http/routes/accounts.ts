import type { ApiContext } from '../api-context.ts';
import { jsonObject, requiredString } from '../body.ts';
import { findAccount } from '../lookup.ts';
import { HttpProblem } from '../problem.ts';
import { json, type Route } from '../router.ts';
import { accountView, folderView } from '../views.ts';

const ADDRESS = /^[^@\s]+@[^@\s]+$/;

export function accountRoutes({ control, events }: ApiContext): Route[] {
  const { store } = control;
  return [
    { method: 'GET', pattern: '/api/v1/accounts', handle: () => json(200, store.allAccounts.map(accountView)) },
    {
      method: 'POST',
      pattern: '/api/v1/accounts',
      handle: async (request) => {
        const body = await jsonObject(request);
        const address = requiredString(body, 'address');
        const password = requiredString(body, 'password');
        if (!ADDRESS.test(address)) throw new HttpProblem(400, 'REQUEST.INVALID_BODY', `"address" must look like user@domain, not "${address}"`, { field: 'address' });
        if (store.account(address)) throw new HttpProblem(409, 'ACCOUNT.EXISTS', `Account ${address} already exists`);
        const account = control.addAccount(address, password);
        events.emit('account-created', { account: account.address });
        return json(201, accountView(account), { location: `/api/v1/accounts/${encodeURIComponent(account.address)}` });
      },
    },
    { method: 'GET', pattern: '/api/v1/accounts/{address}', handle: ({ params }) => json(200, accountView(findAccount(store, params.address!))) },
    {
      method: 'GET',
      pattern: '/api/v1/accounts/{address}/folders',
      handle: ({ params }) => {
        const account = findAccount(store, params.address!);
        return json(200, account.folders.map((folder) => folderView(account, folder)));
      },
    },
  ];
}
