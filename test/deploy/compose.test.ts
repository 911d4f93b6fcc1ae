import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';

/**
 * What can be checked of the deployment files without a container engine:
 * the services and profiles, ports, volumes and health checks, start order,
 * and that every variable handed to Huiyin is one it reads.
 */
const root = join(import.meta.dirname, '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/** Environment variables the service's own code reads, found in its sources. */
function variablesHuiyinReads(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/(?:process\.env|\benv\)?)\.([A-Z][A-Z0-9_]*)\b/g)) {
          names.add(match[1]!);
        }
      }
    }
  };
  visit(join(root, 'services'));
  return names;
}

const hostPort = (mapping: string) => mapping.split(':')[0];
/** Host names in an esdb:// connection string, which may list several (gossip seeds). */
const hostsOf = (url: string) =>
  url
    .replace(/^esdb(\+discover)?:\/\/([^@/]*@)?/, '')
    .split(/[/?]/)[0]!
    .split(',')
    .map((host) => host.split(':')[0]);
const namedVolume = (mount: string) => mount.split(':')[0]!;
const huiyins = Object.entries(services).filter(([, service]) => service.build !== undefined);
const eventstores = Object.entries(services).filter(([, service]) => service.environment?.EVENTSTORE_CLUSTER_SIZE);

t.test('docker-compose.yml › by default one EventStoreDB node and one Huiyin', async (t) => {
  const defaults = Object.entries(services).filter(([, service]) => !service.profiles);
  t.same(defaults.map(([name]) => name).sort(), ['eventstore', 'huiyin']);
  const store = services.eventstore!;
  t.match(store.image, /eventstore|kurrent/i);
  t.equal(store.environment?.EVENTSTORE_CLUSTER_SIZE, '1');
  t.equal(store.environment?.EVENTSTORE_INSECURE, 'true', 'insecure, for local use');
  t.same(store.ports?.map(hostPort), ['2113']);
  t.ok(store.volumes?.some((v) => v.endsWith(':/var/lib/eventstore') && namedVolume(v) in compose.volumes), 'data on a named volume');
  const huiyin = services.huiyin!;
  t.equal(huiyin.depends_on?.eventstore?.condition, 'service_healthy', 'Huiyin waits for a healthy store');
  t.same(hostsOf(huiyin.environment!.EVENTSTORE_URL!), ['eventstore']);
  t.match(huiyin.environment!.EVENTSTORE_URL, /tls=false/, 'as the store is insecure');
  t.same(huiyin.ports?.map(hostPort), ['3000']);
});

t.test('docker-compose.yml › the cluster profile', async (t) => {
  const cluster = Object.entries(services).filter(([, service]) => service.profiles?.includes('cluster'));
  const nodes = cluster.filter(([, service]) => service.environment?.EVENTSTORE_CLUSTER_SIZE === '3').map(([name]) => name);
  t.equal(nodes.length, 3, 'three EventStoreDB nodes');
  for (const node of nodes) {
    const seeds = services[node]!.environment!.EVENTSTORE_GOSSIP_SEED!.split(',').map((seed) => seed.split(':')[0]).sort();
    t.same(seeds, nodes.filter((other) => other !== node).sort(), `${node} gossips with the other two`);
    t.equal(services[node]!.environment!.EVENTSTORE_NODE_HOST_ADVERTISE_AS, node, `${node} advertises a name clients can reach`);
  }
  const instances = cluster.filter(([, service]) => service.build !== undefined);
  t.equal(instances.length, 2, 'two Huiyin instances');
  for (const [name, service] of instances) {
    t.same(hostsOf(service.environment!.EVENTSTORE_URL!).sort(), [...nodes].sort(), `${name} knows every node`);
    t.same(Object.keys(service.depends_on ?? {}).sort(), [...nodes].sort(), `${name} waits for the cluster`);
    t.ok(Object.values(service.depends_on ?? {}).every((d) => d.condition === 'service_healthy'));
  }
  const secrets = new Set(instances.map(([, s]) => s.volumes!.find((v) => v.endsWith(':/data'))));
  t.equal(secrets.size, 1, 'the instances share one data volume, so one token secret');
});

t.test('docker-compose.yml › every service', async (t) => {
  const reads = variablesHuiyinReads();
  t.ok(reads.has('EVENTSTORE_URL') && reads.has('DATA_DIR'), 'the variable scan finds what the service reads');
  for (const [name, service] of Object.entries(services)) {
    t.ok(service.healthcheck?.test.length, `${name} has a health check`);
  }
  for (const [name, service] of eventstores) t.match(service.healthcheck!.test.join(' '), /\/health\/live/, `${name}'s is the store's own`);
  for (const [name, service] of huiyins) {
    t.match(service.healthcheck!.test.join(' '), /\/readyz/, `${name} is healthy when its store answers`);
    const unknown = Object.keys(service.environment ?? {}).filter((key) => !reads.has(key));
    t.same(unknown, [], `${name} is only given variables Huiyin reads`);
    t.equal(service.environment?.HOST, '0.0.0.0', `${name} listens beyond the container`);
    t.equal(service.environment?.DATA_DIR, '/data');
  }
  const ports = Object.values(services).flatMap((service) => service.ports?.map(hostPort) ?? []);
  t.equal(new Set(ports).size, ports.length, 'no two services claim a host port');
  const mounted = Object.values(services).flatMap((service) => service.volumes?.map(namedVolume) ?? []);
  t.same([...new Set(mounted)].filter((v) => !(v in compose.volumes)), [], 'every volume is declared');
});

t.test('Dockerfile › multi-stage, production dependencies only, not root', async (t) => {
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
  t.ok(stages.length >= 2, 'more than one stage');
  t.ok(stages.every((image) => image.startsWith('node:20')), 'on Node 20');
  t.match(dockerfile, /npm ci --omit=dev/);
  const user = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
  t.ok(user && user !== 'root' && user !== '0', `runs as ${user}`);
  t.match(dockerfile, /^HEALTHCHECK .*\n?.*\/readyz/m);
  t.match(dockerfile, /^CMD \["node", "--import", "tsx", "services\/server\.ts"\]/m);
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  t.notMatch(runtime, /COPY (\.\/)?test|g\+\+/, 'no tests or toolchain in the runtime stage');
  t.match(runtime, /COPY services[^\n]*\n(#[^\n]*\n)*RUN npm run build:web/, 'the web app is built into the image, after its sources are copied');
  const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
  t.ok(ignored.includes('services/web/dist'), 'a build on the host never reaches the image');
});
