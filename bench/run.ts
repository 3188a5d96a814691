// `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Each benchmark is a
// module exporting `run()`, which prints its own figures (medians/percentiles over many runs, and
// a baseline measured in the same run). Add one by adding a line below.
const BENCHMARKS: Record<string, { about: string; load: () => Promise<{ run(): Promise<void> }> }> = {
  'panel-latency': {
    about: 'simulator POST → text standing in the side panel DOM, against a bare WebSocket echo',
    load: () => import('./panel-latency'),
  },
  durability: {
    about: 'inbound texts on the durable embedded database (fsync at each commit), against fsync off',
    load: () => import('./durability'),
  },
  reconnect: {
    about: '100 agents on the extension connection code: resumed after a SIGKILL and restart (p50/p99/max), connection attempts per second',
    load: () => import('./reconnect'),
  },
  gateways: {
    about: 'Twilio webhook → offer at the agent socket against the simulator POST; status callbacks/s against raw inserts',
    load: () => import('./gateways'),
  },
  media: {
    about: 'what one inbound MMS picture costs the server (accept, thumbnail, ingest, memory)',
    load: () => import('./media'),
  },
  entities: {
    about: 'detecting links, emails and phone numbers in 10,000 messages, against linkify alone',
    load: () => import('./entities'),
  },
  transcript: {
    about: 'a 10,000-message transcript in the side panel: first render, heap, scrolling, against 100 messages',
    load: () => import('./transcript'),
  },
  segments: {
    about: 'the SMS counter per keystroke (GSM-7 and UCS-2 replies)',
    load: () => import('./segments'),
  },
  history: {
    about: 'a contact history of 500 past interactions shown from the IndexedDB cache in the side panel',
    load: () => import('./history'),
  },
  spelling: {
    about: 'dictionary load, memory, check and suggest, against plain typo-js',
    load: () => import('./spelling'),
  },
  compose: {
    about: 'the message box in the real side panel: dictionary ready, memory, main thread per keystroke, suggestions, against plain typo-js',
    load: () => import('./compose'),
  },
  'sign-in-spray': {
    about: 'password spraying (one address, 50 addresses): passwords checked and refused per second, an agent signing in meanwhile against idle',
    load: () => import('./sign-in-spray'),
  },
  'team-search': {
    about: 'Team Communicator: one listTargets round trip (50 and 1,000 agents), against a ping',
    load: () => import('./team-search'),
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Known:`);
    for (const [name, { about }] of Object.entries(BENCHMARKS)) console.error(`  ${name.padEnd(14)} ${about}`);
    process.exit(2);
  }
  for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
    const benchmark = BENCHMARKS[name]!;
    console.log(`\n## ${name}: ${benchmark.about}`);
    const module = await benchmark.load();
    await module.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
