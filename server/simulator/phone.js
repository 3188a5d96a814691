/* global document, fetch, setInterval, FileReader, sessionStorage, location, history */
// The phone simulator page: a customer's phone texting the contact centre through the server's
// simulator gateway API. Every text is put into the page with textContent, never as HTML.

const POLL_MS = 1500;
const CHANNEL_NAMES = { sms: 'SMS', mms: 'MMS', im: 'IM' };

const myNumber = /** @type {HTMLInputElement} */ (document.getElementById('my-number'));
const centreNumber = /** @type {HTMLSelectElement} */ (document.getElementById('centre-number'));
const phones = /** @type {HTMLDataListElement} */ (document.getElementById('demo-phones'));
const conversation = /** @type {HTMLOListElement} */ (document.getElementById('conversation'));
const compose = /** @type {HTMLFormElement} */ (document.getElementById('compose'));
const message = /** @type {HTMLTextAreaElement} */ (document.getElementById('message'));
const status = /** @type {HTMLParagraphElement} */ (document.getElementById('status'));
const channels = /** @type {HTMLFieldSetElement} */ (document.getElementById('channels'));
const sendButton = /** @type {HTMLButtonElement} */ (compose.querySelector('button'));
const pictures = /** @type {HTMLInputElement} */ (document.getElementById('pictures'));

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
let shownKey = '';

function say(text) {
  status.textContent = text;
}

// A server that gives the simulator its own token (simulator.tokenEnv) asks for it once per tab:
// typed in the token form, or given in the address as #token=… (removed from the address at once).
const TOKEN_KEY = 'texto.simulator-token';
const tokenForm = /** @type {HTMLFormElement} */ (document.getElementById('token'));
const tokenInput = /** @type {HTMLInputElement} */ (document.getElementById('token-value'));
const fromAddress = /^#token=(.+)$/.exec(location.hash);
if (fromAddress) {
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromAddress[1]));
  history.replaceState(null, '', location.pathname);
}
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
  tokenInput.value = '';
  tokenForm.hidden = true;
  loadSetup().then(refresh).catch((error) => say(error.message));
});

async function api(path, body) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status === 401) tokenForm.hidden = false;
  const data = response.status === 204 ? {} : await response.json();
  if (!response.ok) throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
  return data;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function loadSetup() {
  const setup = await api('/api/simulator/setup');
  centreNumber.replaceChildren(
    ...setup.centreNumbers.map((n) => {
      const option = element('option', `${n.number} (${n.mode} mode)`);
      option.value = n.number;
      return option;
    }),
  );
  phones.replaceChildren(
    ...setup.phones.map((p) => {
      const option = element('option', p.name);
      option.value = p.phone;
      return option;
    }),
  );
  renderChannels(setup.channels);
}

function renderChannels(states) {
  const boxes = states.map((state) => {
    const label = element('label');
    const box = element('input');
    box.type = 'checkbox';
    box.checked = state.available;
    box.addEventListener('change', () => {
      api('/api/simulator/channels', { channel: state.channel, available: box.checked })
        .then((result) => {
          renderChannels(result.channels);
          say(`${CHANNEL_NAMES[state.channel]} is ${box.checked ? 'back up' : 'down'}.`);
        })
        .catch((error) => say(error.message));
    });
    label.append(box, document.createTextNode(CHANNEL_NAMES[state.channel] ?? state.channel));
    return label;
  });
  channels.replaceChildren(element('legend', 'Channels available'), ...boxes);
}

/**
 * Joins the parts of a concatenated SMS into one bubble, as a phone does: consecutive parts from
 * the same sender with the same UDH reference. Separate SMS stay separate bubbles.
 */
function joinParts(thread) {
  const joined = [];
  for (const m of thread) {
    const c = m.concatenation;
    const last = joined.at(-1);
    if (c && last?.concatenation && last.from === m.from && last.concatenation.reference === c.reference && last.received < c.parts) {
      last.texts[c.part - 1] = m.text;
      last.received += 1;
      last.text = last.texts.join('');
      continue;
    }
    joined.push(c ? { ...m, texts: Object.assign([], { [c.part - 1]: m.text }), received: 1 } : m);
  }
  return joined;
}

/** What the phone learnt from the headers: parts joined by reference, or one of several plain SMS. */
function partsNote(m) {
  const encoding = m.encoding === 'UCS-2' ? ' · Unicode' : m.encoding ? ' · GSM-7' : '';
  if (m.concatenation) {
    const { parts, reference, udh } = m.concatenation;
    const missing = m.received < parts ? `, ${parts - m.received} missing` : '';
    return `${parts} parts joined (reference ${reference}, UDH ${udh.slice(0, 8)}…)${missing}${encoding}`;
  }
  if (m.separate) return `separate SMS ${m.separate.part} of ${m.separate.parts}${encoding}`;
  return m.encoding && m.from !== myNumber.value.trim() ? `1 SMS${encoding}` : '';
}

async function refresh() {
  const me = myNumber.value.trim();
  const centre = centreNumber.value;
  if (!/^\+[1-9]\d{5,14}$/.test(me) || !centre) return;
  const { messages } = await api(`/api/simulator/messages?phone=${encodeURIComponent(me)}&direction=both`);
  const thread = messages.filter((m) => m.from === centre || m.to === centre);
  const key = `${me}|${centre}|${thread.map((m) => m.id).join(',')}`;
  if (key === shownKey) return;
  shownKey = key;
  const items = joinParts(thread).map((m) => {
    const mine = m.from === me;
    const item = element('li', undefined, mine ? 'sent' : 'received');
    item.append(element('span', m.text), element('time', `${mine ? 'Sent' : 'Received'} ${timeFormat.format(m.at)}`));
    const note = partsNote(m);
    if (note) item.append(element('small', note, 'parts'));
    return item;
  });
  conversation.replaceChildren(...(items.length ? items : [element('li', 'No messages yet.', 'empty')]));
  conversation.scrollTop = conversation.scrollHeight;
}

/** A file as the simulator API takes it: base64 of its bytes, the type the browser guessed, its name. */
function readPart(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ contentType: file.type || 'application/octet-stream', base64: url.slice(url.indexOf(',') + 1), filename: file.name });
    };
    reader.onerror = () => reject(new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** What the phone says after sending: how many pictures went, and which the centre refused and why. */
function describeSent(result, count) {
  if (count === 0) return 'Sent.';
  const kept = result.media?.length ?? 0;
  const refused = (result.refused ?? []).map((r) => r.message).join(' ');
  return `Sent with ${kept} picture${kept === 1 ? '' : 's'}.${refused ? ` Refused: ${refused}` : ''}`;
}

compose.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = message.value;
  const files = [...(pictures.files ?? [])];
  if (text.trim() === '' && files.length === 0) return say('Type a message or attach a picture first.');
  sendButton.disabled = true;
  Promise.all(files.map(readPart))
    .then((media) =>
      api('/api/simulator/messages', { from: myNumber.value.trim(), to: centreNumber.value, text, ...(media.length ? { media } : {}) }),
    )
    .then((result) => {
      message.value = '';
      pictures.value = '';
      say(describeSent(result, files.length));
      return refresh();
    })
    .catch((error) => say(`Not sent: ${error.message}`))
    .finally(() => {
      sendButton.disabled = false;
      message.focus();
    });
});

message.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) compose.requestSubmit();
});
for (const input of [myNumber, centreNumber]) {
  input.addEventListener('change', () => {
    shownKey = '';
    refresh().catch((error) => say(error.message));
  });
}

loadSetup()
  .then(refresh)
  .catch((error) => say(`The simulator cannot reach the server: ${error.message}`));
setInterval(() => {
  refresh().catch((error) => say(`The simulator cannot reach the server: ${error.message}`));
}, POLL_MS);

// What the simulated network does with replies to this phone (POST /api/simulator/delivery-rules).
const delivery = /** @type {HTMLFormElement} */ (document.getElementById('delivery'));
const deliveryOutcome = /** @type {HTMLSelectElement} */ (document.getElementById('delivery-outcome'));
delivery.addEventListener('submit', (event) => {
  event.preventDefault();
  const [outcome, reason] = deliveryOutcome.value.split(':');
  const rule =
    outcome === 'slow' ? { outcome: 'deliver', delayMs: 10_000 } : { outcome, ...(reason ? { reason } : {}) };
  api('/api/simulator/delivery-rules', { phone: myNumber.value.trim(), ...rule }).then(
    () => say(`Replies to ${myNumber.value.trim()} ${deliveryOutcome.selectedOptions[0]?.textContent ?? ''}.`),
    (error) => say(String(error instanceof Error ? error.message : error)),
  );
});
