import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { button, clickOn, combobox, option, search, shadow } from '../support/picker.js';
import { until } from '../support/wait.js';

const second = { ...accounts.linkable, id: 'a-linkable-2', name: 'Acme Second' };

async function inForm(attrs = html``) {
  const form = await fixture<HTMLFormElement>(html`<form>
    <input name="email" value="ann@example.com" />
    <link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" name="accounts" debounce="0" multiple></link-account-picker>
    ${attrs}
  </form>`);
  return { form, el: form.querySelector('link-account-picker')! };
}

describe('<link-account-picker> form association', () => {
  before(startWorker);
  beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, second, accounts.label])))));
  afterEach(() => worker.resetHandlers());

  it('submits each selected id under its name', async () => {
    const { form, el } = await inForm();
    expect(new FormData(form).getAll('accounts')).to.deep.equal([]);
    await search(el, 'acme');
    await clickOn(option(el, 'a-linkable'));
    await clickOn(option(el, 'a-linkable-2'));
    await el.updateComplete;
    expect(new FormData(form).getAll('accounts')).to.deep.equal(['a-linkable', 'a-linkable-2']);
    expect(new FormData(form).get('email')).to.equal('ann@example.com');
  });

  it('already holds the new selection, and is valid, when change fires', async () => {
    const { form, el } = await inForm();
    el.required = true;
    await el.updateComplete;
    const seen: { ids: FormDataEntryValue[]; valid: boolean }[] = [];
    el.addEventListener('change', () => seen.push({ ids: new FormData(form).getAll('accounts'), valid: form.checkValidity() }));
    await search(el, 'acme');
    await clickOn(option(el, 'a-linkable'));
    await el.updateComplete;
    await clickOn(button(el, 'chip-remove')!);
    expect(seen).to.deep.equal([
      { ids: ['a-linkable'], valid: true },
      { ids: [], valid: false },
    ]);
  });

  it('submits ids the host set, and follows later changes', async () => {
    const { form, el } = await inForm();
    el.value = ['x1', 'x2'];
    await el.updateComplete;
    expect(new FormData(form).getAll('accounts')).to.deep.equal(['x1', 'x2']);
    el.value = [];
    await el.updateComplete;
    expect(new FormData(form).getAll('accounts')).to.deep.equal([]);
  });

  it('submits nothing without a name', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><link-account-picker .value=${['x']}></link-account-picker></form>`);
    expect([...new FormData(form).keys()]).to.deep.equal([]);
  });

  it('required with no selection makes the form invalid, with a message anchored to the box', async () => {
    const { form, el } = await inForm();
    el.required = true;
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Select at least one account.');
    expect(el.checkValidity()).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(el.matches(':invalid')).to.equal(true);
    expect(combobox(el).getAttribute('aria-required')).to.equal('true');
    el.multiple = false;
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Select an account.');
    el.value = ['x'];
    await el.updateComplete;
    expect(el.validity.valid).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
  });

  it('fires invalid on the picker when the form is submitted empty', async () => {
    const { form, el } = await inForm();
    el.required = true;
    await el.updateComplete;
    let invalid = 0;
    el.addEventListener('invalid', () => invalid++);
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    form.requestSubmit();
    expect(invalid).to.equal(1);
    expect(submitted).to.equal(0);
  });

  it('form reset restores the initial value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><link-account-picker name="accounts" endpoint=${ENDPOINT} site="nwf" debounce="0" multiple .value=${['start']}></link-account-picker></form>`);
    const el = form.querySelector('link-account-picker')!;
    await search(el, 'acme');
    await clickOn(option(el, 'a-linkable'));
    await el.updateComplete;
    expect(el.value).to.deep.equal(['start', 'a-linkable']);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['start']);
    expect(combobox(el).value).to.equal('');
    expect(new FormData(form).getAll('accounts')).to.deep.equal(['start']);
  });

  it('a disabled fieldset disables the picker, and a disabled picker submits nothing', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset><link-account-picker name="accounts" .value=${['x']}></link-account-picker></fieldset></form>`);
    const el = form.querySelector('link-account-picker')!;
    form.querySelector('fieldset')!.disabled = true;
    await until(() => combobox(el).disabled, 'disabled by the fieldset');
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    form.querySelector('fieldset')!.disabled = false;
    await until(() => !combobox(el).disabled, 'enabled again');
    expect(new FormData(form).getAll('accounts')).to.deep.equal(['x']);
  });

  it('is focusable through the element (delegatesFocus)', async () => {
    const { el } = await inForm();
    el.focus();
    expect(shadow(el).activeElement).to.equal(combobox(el));
  });
});
