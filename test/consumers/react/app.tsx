// A React 19 app using the picker with no declaration of its own: the import below registers the
// element and brings the JSX types generated from custom-elements.json.
import 'link-account-picker/react';
import type { AccountSelectEvent, LinkAccountPicker, SearchErrorEvent } from 'link-account-picker/react';
import { useRef, useState } from 'react';

export function LinkAccounts({ userId, token }: { userId: string; token: string }) {
  const [ids, setIds] = useState<string[]>([]);
  const ref = useRef<LinkAccountPicker>(null);
  return (
    <form method="post" action={`/portal-users/${userId}/accounts`}>
      <link-account-picker
        ref={ref}
        name="accountIds"
        endpoint="/api/accounts/search"
        site="northwind"
        user={userId}
        label="Accounts to link"
        min-chars={3}
        limit={50}
        multiple
        required
        value={ids}
        fetchInit={{ headers: { Authorization: `Bearer ${token}` } }}
        onaccount-select={(event: AccountSelectEvent) => console.log(event.detail.account.name, event.detail.eligibility.code)}
        onsearch-error={(event) => console.warn(event.detail.error.message, event.detail.error.retryAfter)}
        onChange={(event) => setIds([...(event.currentTarget as LinkAccountPicker).value])}
      />
      <SearchErrors onError={(event) => console.warn(event.detail.query)} />
    </form>
  );
}

function SearchErrors({ onError }: { onError: (event: SearchErrorEvent) => void }) {
  return (
    <link-account-picker
      site="summit"
      label="Accounts"
      onsearch-error={onError}
      // @ts-expect-error `multiple` is a boolean, not a number.
      multiple={42}
    />
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error `value` is an array of ids, not one string. */}
      <link-account-picker label="Accounts" value="acc-1" />
      {/* @ts-expect-error `validity` is read-only: not a prop. */}
      <link-account-picker label="Accounts" validity={undefined} />
      {/* @ts-expect-error the detail of account-select has no `accounts`. */}
      <link-account-picker label="Accounts" onaccount-select={(event) => event.detail.accounts} />
    </>
  );
}
