// Small DOM helpers for the pages: elements are built with createElement and text nodes
// only (never innerHTML), so nothing the API answers can become markup.

/** An element: h('p', { class: 'note' }, 'text', child…). Attributes named on* are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Says something to screen readers and shows it in the page's status line. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  // a change the live region notices even when the same message repeats
  setTimeout(() => {
    status.textContent = message;
  }, 50);
}

let fieldIds = 0;

/**
 * A labelled form control with a place for its error: field('givenName', 'Given name',
 * { value, autocomplete }). The control's name is the API field it edits.
 */
export function field(name, label, options = {}) {
  const id = (options.idPrefix ?? 'field') + '-' + name + '-' + ++fieldIds;
  const control = options.choices
    ? h('select', { id, name },
        options.choices.map(([value, text]) => h('option', { value, selected: value === options.value }, text)))
    : h('input', {
        id,
        name,
        type: options.type ?? 'text',
        value: options.value ?? '',
        autocomplete: options.autocomplete ?? 'off',
        required: options.required,
        placeholder: options.placeholder,
        inputmode: options.inputmode,
      });
  const hint = options.hint ? h('p', { class: 'hint', id: id + '-hint' }, options.hint) : null;
  if (hint) {
    control.setAttribute('aria-describedby', hint.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint, control,
    h('p', { class: 'field-error', id: id + '-error', hidden: true }));
}

/** Clears the errors a form shows. */
export function clearErrors(form) {
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const hint = control.getAttribute('aria-describedby')?.split(' ').filter((id) => !id.endsWith('-error'));
    if (hint?.length) {
      control.setAttribute('aria-describedby', hint.join(' '));
    } else {
      control.removeAttribute('aria-describedby');
    }
  }
  for (const error of form.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  form.querySelector('.form-error')?.remove();
}

/**
 * Shows the API's user errors on the fields they name (the last part of the field path
 * that matches a control) and the others above the form; focuses the first and
 * announces them.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    // the longest tail of the path that names a control: postalAddress.country before country
    const path = (error.field ?? []).filter((part) => part !== 'input');
    const control = path.map((part, index) => path.slice(index).join('.'))
      .map((name) => form.querySelector(`[name="${CSS.escape(name)}"]`))
      .find((found) => found);
    if (!control) {
      unplaced.push(error.message);
      continue;
    }
    const message = document.getElementById(control.id + '-error');
    message.textContent = error.message;
    message.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...described, message.id].join(' '));
    first ??= control;
  }
  if (unplaced.length) {
    const summary = h('div', { class: 'form-error', role: 'alert', tabindex: '-1' }, unplaced.map((text) => h('p', {}, text)));
    form.prepend(summary);
    first ??= summary;
  }
  first?.focus();
  announce(errors.map((error) => error.message).join(' '));
}

/** The values of a form's named controls, trimmed; empty ones as null. */
export function valuesOf(form) {
  const values = {};
  for (const control of form.querySelectorAll('input[name], select[name]')) {
    if (control.type === 'checkbox') {
      values[control.name] = control.checked;
    } else {
      const value = control.value.trim();
      values[control.name] = value === '' ? null : value;
    }
  }
  return values;
}

/**
 * A link to a web address the API answered, or its plain text when it is not http(s): an
 * address from the registry never becomes a javascript: or data: link.
 */
export function webLink(address, text = address) {
  return /^https?:\/\//i.test(address ?? '') ? h('a', { href: address }, text) : text;
}

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A table with a caption, header cells and rows of cells. */
export function table(caption, headers, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

/**
 * Runs an action from a button: disables it while the hub works, and shows a refusal
 * the hub answered with in the page's error line instead of failing silently.
 */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (failure) {
    alertError(failure.message ?? 'Something went wrong. Try again.');
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Shows and announces an error that belongs to no form. */
export function alertError(message) {
  const line = document.getElementById('page-error');
  show(line, message);
  line.hidden = false;
  line.focus();
}

export function clearAlert() {
  const line = document.getElementById('page-error');
  line.hidden = true;
  line.textContent = '';
}

/** A table of a connection's nodes, with a button for the next page while there is one. */
export async function pagedTable(container, caption, headers, load, rowOf) {
  const body = h('tbody', {});
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show more');
  const empty = h('p', { hidden: true }, 'Nothing yet.');
  const tableElement = h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))), body);
  show(container, tableElement, empty, more);
  let after = null;
  const next = async () => {
    const connection = await load(after);
    for (const edge of connection.edges) {
      body.append(h('tr', {}, rowOf(edge.node).map((cell) => h('td', {}, cell))));
    }
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
    tableElement.hidden = body.children.length === 0;
    empty.hidden = body.children.length > 0;
  };
  more.addEventListener('click', () => busy(more, next));
  try {
    await next();
  } catch (failure) {
    show(container, h('p', { class: 'form-error' }, failure.message));
  }
}
