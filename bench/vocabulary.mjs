/*
 * The vocabulary the benchmark generator draws from: a fictional company's
 * catalogs, incident scenarios per root-cause category, and pools of
 * technical sentence fragments for timelines, bodies and action items.
 *
 * Templates use {placeholders} that generate.mjs fills from an incident's
 * context; the filled text never contains "{", "}" or "<" (the generator
 * asserts this), so every body stays inside the safe-MDX subset.
 */

export const ORGANISATION = 'Larkspur Commerce';

/** teams.yml: [id, name, contact channel] */
export const TEAMS = [
  ['payments', 'Payments', '#payments-oncall'],
  ['checkout', 'Checkout & Cart', '#checkout-oncall'],
  ['catalog', 'Catalog & Inventory', '#catalog-oncall'],
  ['search', 'Search & Discovery', '#search-oncall'],
  ['identity', 'Identity & Access', '#identity-oncall'],
  ['platform', 'Platform Engineering', '#platform-oncall'],
  ['data', 'Data Platform', '#data-oncall'],
  ['mobile', 'Mobile Apps', '#mobile-oncall'],
  ['fulfilment', 'Fulfilment', '#fulfilment-oncall'],
  ['messaging', 'Messaging', '#messaging-oncall'],
  ['edge', 'Edge & Networking', '#edge-oncall'],
  ['security', 'Security Engineering', '#security-oncall'],
];

/** services.yml: [id, name, team, tier, tech, description] */
export const SERVICES = [
  ['payments-gateway', 'Payments Gateway', 'payments', 1, 'jvm', 'Authorises and captures card payments through two external payment processors.'],
  ['ledger', 'Ledger', 'payments', 1, 'postgres', 'Double-entry ledger of every payment, refund and payout, the source of truth for finance.'],
  ['fraud-scoring', 'Fraud Scoring', 'payments', 2, 'python', 'Scores each order for fraud risk with a gradient-boosted model served behind a gRPC API.'],
  ['invoice-service', 'Invoice Service', 'payments', 3, 'ruby', 'Generates merchant and customer invoices and sends them as PDF documents.'],
  ['checkout-api', 'Checkout API', 'checkout', 1, 'jvm', 'Turns a cart into an order: pricing, tax, payment authorisation and order creation.'],
  ['cart-service', 'Cart Service', 'checkout', 1, 'go', 'Stores shopping carts in a Redis cluster with a PostgreSQL write-behind copy.'],
  ['pricing-engine', 'Pricing Engine', 'checkout', 2, 'jvm', 'Computes prices, discounts and currency conversion for every product view and cart.'],
  ['promotions', 'Promotions', 'checkout', 3, 'node', 'Manages vouchers, campaign rules and promotional banners.'],
  ['catalog-api', 'Catalog API', 'catalog', 1, 'go', 'Serves product data to the storefront, the apps and partner feeds.'],
  ['inventory-service', 'Inventory Service', 'catalog', 1, 'jvm', 'Tracks stock per warehouse and reserves units when an order is placed.'],
  ['product-db', 'Product Database', 'catalog', 1, 'postgres', 'PostgreSQL cluster holding products, variants, prices and stock levels.'],
  ['media-service', 'Media Service', 'catalog', 3, 'node', 'Resizes and serves product images through the CDN.'],
  ['search-api', 'Search API', 'search', 1, 'opensearch', 'Full-text and faceted product search over an OpenSearch cluster.'],
  ['search-indexer', 'Search Indexer', 'search', 2, 'kafka', 'Consumes catalog change events and keeps the search index up to date.'],
  ['recommendations', 'Recommendations', 'search', 3, 'python', 'Serves "customers also bought" and personalised product rails.'],
  ['identity-api', 'Identity API', 'identity', 1, 'go', 'Sign-in, sign-up, password reset and OAuth token issuance.'],
  ['session-store', 'Session Store', 'identity', 1, 'redis', 'Redis cluster holding web and app sessions.'],
  ['auth-gateway', 'Auth Gateway', 'identity', 1, 'envoy', 'Envoy filter chain that validates tokens in front of every internal API.'],
  ['account-service', 'Account Service', 'identity', 2, 'jvm', 'Customer profiles, addresses and communication preferences.'],
  ['kubernetes-platform', 'Kubernetes Platform', 'platform', 1, 'kubernetes', 'The shared Kubernetes clusters, node pools and ingress that run most services.'],
  ['ci-pipeline', 'CI Pipeline', 'platform', 2, 'ci', 'Build, test and artifact publishing for every repository.'],
  ['deploy-service', 'Deploy Service', 'platform', 1, 'go', 'Progressive delivery: canary analysis, rollout stages and automated rollback.'],
  ['config-service', 'Config Service', 'platform', 1, 'go', 'Distributes runtime configuration to services with per-environment templates.'],
  ['feature-flags', 'Feature Flags', 'platform', 2, 'node', 'Feature-flag evaluation service and the console used to change flags.'],
  ['secrets-vault', 'Secrets Vault', 'platform', 1, 'vault', 'HashiCorp Vault cluster issuing database credentials and certificates.'],
  ['observability-stack', 'Observability Stack', 'platform', 2, 'prometheus', 'Prometheus, Thanos, Loki and the alert routing to the paging tool.'],
  ['event-bus', 'Event Bus', 'data', 1, 'kafka', 'Kafka clusters carrying order, stock and customer events, mirrored to a second region.'],
  ['data-warehouse', 'Data Warehouse', 'data', 2, 'warehouse', 'Columnar warehouse behind finance reporting and merchandising dashboards.'],
  ['etl-scheduler', 'ETL Scheduler', 'data', 3, 'airflow', 'Airflow deployment that runs the nightly and hourly data pipelines.'],
  ['stream-processor', 'Stream Processor', 'data', 2, 'flink', 'Flink jobs that compute real-time stock, fraud and marketing aggregates.'],
  ['mobile-app-ios', 'iOS App', 'mobile', 1, 'ios', 'The customer iOS app.'],
  ['mobile-app-android', 'Android App', 'mobile', 1, 'android', 'The customer Android app.'],
  ['mobile-bff', 'Mobile Backend', 'mobile', 1, 'node', 'Backend-for-frontend that aggregates APIs for both mobile apps.'],
  ['order-service', 'Order Service', 'fulfilment', 1, 'jvm', 'Order state machine from placement to delivery, cancellation and refund.'],
  ['shipping-rates', 'Shipping Rates', 'fulfilment', 2, 'python', 'Quotes carrier rates and delivery promises at checkout.'],
  ['warehouse-api', 'Warehouse API', 'fulfilment', 2, 'go', 'Sends picking lists to the warehouses and receives dispatch confirmations.'],
  ['returns-service', 'Returns Service', 'fulfilment', 3, 'ruby', 'Return requests, labels and refund triggers.'],
  ['notifications', 'Notifications', 'messaging', 2, 'go', 'Routes order and account notifications to e-mail, SMS and push.'],
  ['email-sender', 'Email Sender', 'messaging', 2, 'python', 'Renders templates and hands mail to the e-mail relay provider.'],
  ['sms-gateway', 'SMS Gateway', 'messaging', 3, 'go', 'Sends SMS through two aggregators with per-country routing.'],
  ['edge-cdn', 'Edge CDN', 'edge', 1, 'cdn', 'CDN configuration, edge rules and the origin shield for every public hostname.'],
  ['public-dns', 'Public DNS', 'edge', 1, 'dns', 'Authoritative DNS zones for every public domain.'],
  ['api-gateway', 'API Gateway', 'edge', 1, 'envoy', 'Public API gateway: routing, rate limits and the web application firewall.'],
  ['web-storefront', 'Web Storefront', 'edge', 1, 'node', 'Server-rendered storefront web application.'],
  ['audit-log', 'Audit Log', 'security', 2, 'postgres', 'Append-only audit trail of administrative and data-access events.'],
];

/** Parts of a service's stack that sentences can name, by its technology. */
export const TECH_COMPONENTS = {
  jvm: ['JVM heap', 'G1 garbage collector', 'HikariCP connection pool', 'Tomcat thread pool', 'Jackson serializer', 'Resilience4j circuit breaker', 'Spring Boot actuator'],
  go: ['goroutine pool', 'gRPC client deadline', 'HTTP keep-alive pool', 'pgx connection pool', 'context cancellation path', 'protobuf contract'],
  node: ['event loop', 'undici connection pool', 'V8 heap', 'worker thread pool', 'server-side render cache', 'fetch retry wrapper'],
  python: ['gunicorn worker pool', 'Celery queue', 'model loading step', 'SQLAlchemy session', 'asyncio event loop', 'feature store client'],
  ruby: ['Puma thread pool', 'Sidekiq queue', 'ActiveRecord connection pool', 'PDF rendering worker', 'Redis job lock'],
  postgres: ['write-ahead log', 'replication slot', 'autovacuum worker', 'query planner', 'PgBouncer pool', 'Patroni leader lock', 'secondary index', 'sequence counter'],
  redis: ['Redis cluster slot map', 'eviction policy', 'key expiry sweep', 'replica link', 'Lua script', 'maxmemory limit'],
  opensearch: ['shard allocation', 'replica shards', 'index template', 'bulk indexing queue', 'field mapping', 'JVM heap'],
  kafka: ['consumer group', 'partition leader', 'broker disk', 'MirrorMaker link', 'schema registry', 'retention policy', 'ISR set'],
  envoy: ['Envoy listener', 'ext_authz filter', 'route table', 'upstream cluster', 'outlier detection', 'TLS context'],
  kubernetes: ['node pool', 'cluster autoscaler', 'CoreDNS', 'ingress controller', 'pod disruption budget', 'container runtime', 'kubelet', 'CNI plugin'],
  ci: ['build cache', 'artifact registry', 'runner pool', 'dependency lockfile', 'base image', 'test shard'],
  vault: ['Vault lease', 'PKI secrets engine', 'database secrets engine', 'unseal keys', 'audit device'],
  prometheus: ['Prometheus scrape config', 'Thanos compactor', 'Alertmanager route', 'recording rule', 'Loki ingester'],
  warehouse: ['warehouse load job', 'partitioned table', 'materialised view', 'query slot reservation', 'finance export'],
  airflow: ['Airflow scheduler', 'DAG dependency', 'task retry policy', 'backfill run', 'sensor task'],
  flink: ['Flink checkpoint', 'state backend', 'watermark', 'task manager', 'savepoint'],
  ios: ['App Store release', 'certificate pinning', 'offline cache', 'background refresh', 'crash reporter'],
  android: ['Play Store staged rollout', 'certificate pinning', 'WorkManager job', 'offline cache', 'crash reporter'],
  cdn: ['edge rule', 'origin shield', 'cache key', 'TTL setting', 'TLS certificate', 'purge API'],
  dns: ['zone file', 'TTL setting', 'DNSSEC signature', 'delegation record', 'health-checked record'],
};

/** Technical nouns that any sentence can mention: these give the corpus a long tail of words. */
export const COMPONENTS = [
  'connection pool', 'thread pool', 'readiness probe', 'liveness probe', 'horizontal pod autoscaler', 'node pool', 'ingress controller',
  'service mesh sidecar', 'TLS certificate', 'intermediate certificate', 'DNS resolver', 'NAT gateway', 'load balancer', 'target group',
  'health check', 'circuit breaker', 'retry policy', 'rate limiter', 'token bucket', 'message queue', 'consumer group', 'partition leader',
  'replication slot', 'write-ahead log', 'autovacuum run', 'query planner', 'secondary index', 'materialised view', 'cache key',
  'origin shield', 'object storage bucket', 'lifecycle rule', 'cron schedule', 'batch job', 'feature flag', 'config map', 'secret rotation',
  'IAM policy', 'service account', 'OAuth client', 'session token', 'signing key', 'webhook dispatcher', 'idempotency key',
  'dead-letter queue', 'schema registry', 'gRPC deadline', 'socket backlog', 'file descriptor limit', 'disk quota', 'block volume',
  'NVMe drive', 'hypervisor host', 'availability zone', 'VPC peering link', 'BGP session', 'MTU setting', 'kernel upgrade',
  'container runtime', 'base image', 'dependency lockfile', 'build cache', 'artifact registry', 'canary stage', 'blue-green switch',
  'rollback script', 'migration script', 'backfill job', 'ORM query', 'lock timeout', 'sequence counter', 'timezone conversion',
  'daylight-saving transition', 'cron expression', 'clock skew', 'NTP daemon', 'log shipper', 'metrics pipeline', 'alert rule',
  'paging policy', 'runbook', 'status page', 'escalation policy', 'search index', 'shard allocation', 'bloom filter', 'compaction job',
  'TTL index', 'queue depth', 'backpressure signal', 'autoscaling policy', 'spot instance pool', 'quota limit', 'gateway route',
  'WAF rule', 'bot mitigation rule', 'JSON schema', 'protobuf field', 'API version header', 'pagination cursor', 'bulk endpoint',
  'read replica', 'leader election', 'split-brain guard', 'fencing token', 'heartbeat table', 'sharding key', 'hot partition',
  'warm-up script', 'connection drain', 'graceful shutdown hook', 'pre-stop hook', 'init container', 'sidecar injector',
];

export const LIBRARIES = [
  'hikari-cp', 'resilience4j', 'grpc-go', 'pgbouncer', 'envoy', 'istio', 'kafka-streams', 'opensearch-java', 'terraform', 'argo-rollouts',
  'helm', 'karpenter', 'cert-manager', 'coredns', 'ingress-nginx', 'sidekiq', 'celery', 'protobuf-java', 'jackson-databind', 'openssl',
  'glibc', 'undici', 'spring-boot', 'django', 'rails', 'hibernate', 'flyway', 'liquibase', 'debezium', 'airflow', 'dbt-core', 'vault-agent',
  'consul', 'etcd', 'zookeeper', 'thanos', 'loki', 'fluent-bit', 'otel-collector', 'redis-py', 'lettuce', 'okhttp', 'alamofire', 'puma',
];

export const VENDORS = [
  'Paylane', 'Cardwise', 'Sendwise', 'Textbridge', 'Mailstream', 'Pushly', 'Certmint', 'Geonix', 'Taxwell', 'Cloudgate', 'Shipquote',
  'Fastlane CDN', 'Nimbus Cloud', 'Statusly', 'Pagerhub',
];

export const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'ap-south-1', 'sa-east-1'];

export const METRICS = [
  'p99 latency', 'p95 latency', 'error rate', '5xx rate', 'consumer lag', 'CPU saturation', 'heap usage', 'GC pause time',
  'active connection count', 'disk write latency', 'replication lag', 'cache hit ratio', 'request rate', 'checkout conversion',
  'queue depth', 'open file descriptors', 'pod restart count', 'TLS handshake errors', 'DNS lookup time', 'order rate',
];

export const ERRORS = [
  'HTTP 503', 'HTTP 502', 'HTTP 504', 'HTTP 429', 'ECONNRESET', 'ETIMEDOUT', 'OOMKilled', 'CrashLoopBackOff', 'TLS handshake failures',
  'DEADLINE_EXCEEDED', 'too many connections', 'lock wait timeouts', 'NXDOMAIN answers', 'disk full errors', 'serialization failures',
  'HTTP 401', 'HTTP 500', 'UNAVAILABLE', 'connection refused', 'broken pipe',
];

export const PEAKS = [
  'Black Friday', 'Cyber Monday', 'the spring sale', 'the end-of-month billing run', 'the Monday morning peak', 'a marketing push campaign',
  'the summer clearance', 'Singles Day', 'the back-to-school campaign', 'the quarterly price update', 'a flash sale', 'the Boxing Day sale',
];

export const FIRST_NAMES = [
  'alex', 'priya', 'sam', 'chioma', 'oskar', 'marco', 'lena', 'tomas', 'aiko', 'ravi', 'noor', 'jonas', 'mei', 'diego', 'fatima', 'ivan',
  'keira', 'luca', 'amara', 'ben', 'sofia', 'yusuf', 'hana', 'mateo', 'ingrid', 'kwame', 'elif', 'pablo', 'ananya', 'rui', 'zoe', 'omar',
];
export const SURNAME_BITS = ['k', 'r', 't', 'e', 'l', 'b', 'kim', 'shah', 'ng', 'ortiz', 'berg', 'silva', 'diaz', 'okafor', 'rossi', 'weber'];

export const TRACKER_PROJECTS = ['PAY', 'CHK', 'CAT', 'SRCH', 'IDN', 'PLAT', 'DATA', 'MOB', 'FUL', 'MSG', 'EDGE', 'SEC', 'OPS'];

/**
 * Scenarios per root-cause category. Each gives the facts an incident is
 * written around: trigger (what happened) and gap (why the system allowed it).
 */
export const SCENARIOS = {
  'config-change': [
    {
      slug: ['config-pool-size', 'connection-pool-config'],
      comp: 'connection pool',
      tags: ['config', 'connection-pool', 'database'],
      titles: [
        '{svcName} returned {err} after a config change shrank its connection pool to {small}',
        'Connection-pool size of {small} in a templated config starved {svcName} of database connections',
      ],
      trigger: 'a configuration deploy set the {comp} size on {svcName} from {big} to {small}',
      gap: 'the pool size is templated per environment and nothing validates it before deploy',
      rc: 'The pool size is templated per environment and no check rejects a value that is far below production needs before the config reaches production.',
      actions: ['Reject pool sizes under {big} for tier-1 services in the config-service schema check', 'Add a canary stage for config changes that holds for {smallnum} minutes on {svcName}'],
      impact: 'Requests to {svcName} failed or timed out while the pool was exhausted',
    },
    {
      slug: ['feature-flag-misconfiguration', 'flag-targeting-rule'],
      comp: 'feature flag',
      tags: ['feature-flags', 'config', 'rollout'],
      titles: [
        'A feature-flag targeting rule enabled an unfinished {svcName} code path for all customers',
        '{svcName} served wrong results for {dur} after a flag rule matched every tenant',
      ],
      trigger: 'a targeting rule in the flag console matched every tenant instead of the internal test tenant',
      gap: 'the flag console applies rule changes to production immediately and shows no preview of who a rule matches',
      rc: 'Flag rule changes go to production at once, with no preview of the audience a rule will match and no staged rollout for flags.',
      actions: ['Show the number of matched tenants in the flag console before a rule is saved', 'Roll flag changes out in three stages of {smallnum}%, {pctnum}% and 100% by default'],
      impact: 'Customers saw incorrect prices or missing items in {svcName} responses',
    },
    {
      slug: ['timeout-config-regression', 'gateway-timeout-setting'],
      comp: 'gateway route',
      tags: ['timeouts', 'config', 'gateway'],
      titles: [
        'Gateway timeout lowered to {smallnum} s cut off long {svcName} requests',
        '{svcName} uploads failed after a route timeout was copied from another service',
      ],
      trigger: 'a route definition copied from another service lowered the upstream timeout for {svcName} to {smallnum} seconds',
      gap: 'route settings are copied between services by hand and no test exercises slow requests through the gateway',
      rc: 'Route timeouts are copied by hand between service definitions and no synthetic check sends a long-running request through the gateway.',
      actions: ['Add a synthetic check that sends a {bignum} KB upload to {svcName} through the gateway every minute', 'Generate gateway routes from each service manifest instead of copying them'],
      impact: 'Slow requests to {svcName} were cut off and returned {err}',
    },
  ],
  deployment: [
    {
      slug: ['rolling-deploy-readiness', 'deploy-readiness-probe'],
      comp: 'readiness probe',
      tags: ['deployment', 'readiness-probe', 'kubernetes'],
      titles: [
        '{svcName} returned {err} during a rolling deploy because pods reported ready before warming up',
        'Rolling deploy of {svcName} {ver} sent traffic to cold pods',
      ],
      trigger: 'the rolling deploy of {svcName} {ver} marked pods ready before their caches were warm',
      gap: 'the readiness probe only checks that the process listens, not that it can serve a real request',
      rc: 'The readiness probe checks that the port is open, so pods join the load balancer before their caches and pools are ready.',
      actions: ['Make the {svcName} readiness probe serve a real catalog lookup under {smallnum} ms before reporting ready', 'Set maxUnavailable to 10% for the {svcName} deployment'],
      impact: 'A share of requests to {svcName} failed for the length of each deploy',
    },
    {
      slug: ['canary-skipped-release', 'release-without-canary'],
      comp: 'canary stage',
      tags: ['deployment', 'canary', 'rollback'],
      titles: [
        'Release {ver} of {svcName} reached every region without a canary and broke {feature}',
        '{svcName} {ver} shipped a regression in {feature} to all regions at once',
      ],
      trigger: 'release {ver} of {svcName} went to every region at once because the pipeline skipped the canary stage for hotfix branches',
      gap: 'hotfix branches bypass the canary stage by design and the rollback needed a manual approval',
      rc: 'Hotfix branches skip canary analysis in the deploy pipeline, and rolling back required a manual approval from a second engineer.',
      actions: ['Run canary analysis on hotfix branches with a {smallnum}-minute bake time', 'Allow one-click rollback of {svcName} without a second approval when the error rate is over {pctnum}%'],
      impact: '{feature} failed for customers of {svcName} in every region',
    },
    {
      slug: ['migration-lock-during-deploy', 'schema-migration-lock'],
      comp: 'migration script',
      tags: ['deployment', 'database', 'migration'],
      titles: [
        'Schema migration in the {svcName} deploy held a table lock for {dur}',
        'A column default added by migration blocked writes to {svcName}',
      ],
      trigger: 'a schema migration shipped with the deploy took an exclusive lock on a large table',
      gap: 'migrations run inside the deploy with no lock timeout and no check of table size',
      rc: 'Migrations run as part of the deploy with no lock timeout, and nothing estimates how long a statement will hold its lock on a large table.',
      actions: ['Set lock_timeout to {smallnum} s for every migration run by the deploy pipeline', 'Add a migration linter in CI that flags table rewrites on tables over {bignum} MB'],
      impact: 'Writes to {svcName} queued and timed out while the lock was held',
    },
  ],
  capacity: [
    {
      slug: ['out-of-memory-peak', 'oom-under-load'],
      comp: 'JVM heap',
      tags: ['capacity', 'memory', 'peak-traffic'],
      titles: [
        '{svcName} pods were OOMKilled during {peak} as traffic rose {pctnum}%',
        'Memory exhaustion on {svcName} during {peak}',
      ],
      trigger: 'traffic during {peak} rose {pctnum}% above forecast and {svcName} pods ran out of memory',
      gap: 'memory limits were set from last year\'s peak and no load test covered this year\'s forecast',
      rc: 'Memory limits were sized from the previous peak and no load test exercised the forecast volume before the campaign.',
      actions: ['Run a load test at 150% of the {peak} forecast against {svcName} two weeks before each campaign', 'Alert when {svcName} memory use stays over 85% of its limit for 10 minutes'],
      impact: 'Customers saw errors and slow pages from {svcName} at the busiest time of the campaign',
    },
    {
      slug: ['connection-exhaustion', 'database-connection-limit'],
      comp: 'PgBouncer pool',
      tags: ['capacity', 'database', 'connection-pool'],
      titles: [
        '{svcName} hit the database connection limit after autoscaling to {bignum} pods',
        'Autoscaling {svcName} exhausted {depName} connections',
      ],
      trigger: 'the autoscaler added pods to {svcName} until the sum of their pools exceeded the connection limit of {depName}',
      gap: 'the autoscaler has no knowledge of downstream connection limits',
      rc: 'Each pod opens its own pool, so scaling out multiplies connections, and the maximum replica count was never checked against the database connection limit.',
      actions: ['Cap {svcName} replicas so that replicas times pool size stays under 80% of the {depName} connection limit', 'Put {svcName} behind the shared PgBouncer pool in transaction mode'],
      impact: 'Requests that needed {depName} failed with {err}',
    },
    {
      slug: ['rate-limit-throttling', 'provider-quota-exhausted'],
      comp: 'rate limiter',
      tags: ['capacity', 'rate-limit', 'third-party'],
      titles: [
        '{vendor} throttled {svcName} after a batch job used the whole API quota',
        'Shared {vendor} quota exhausted by a backfill, blocking {svcName}',
      ],
      trigger: 'a backfill job and live traffic shared one {vendor} API quota and the backfill used all of it',
      gap: 'batch and live traffic share one quota with no reservation for live requests',
      rc: 'Batch jobs and live traffic draw from one provider quota and nothing reserves capacity for live requests.',
      actions: ['Give batch jobs a separate {vendor} API key with its own quota of {bignum} requests per hour', 'Throttle the backfill client to {smallnum} requests per second'],
      impact: 'Live requests through {svcName} were rejected with {err}',
    },
  ],
  'dependency-failure': [
    {
      slug: ['provider-outage', 'third-party-api-outage'],
      comp: 'circuit breaker',
      tags: ['third-party', 'dependency', 'fallback'],
      titles: [
        '{vendor} outage took down {feature} in {svcName} for {dur}',
        '{svcName} had no fallback when {vendor} stopped answering',
      ],
      trigger: '{vendor} returned errors and timeouts in {region}',
      gap: 'there is a single provider for this path and the circuit breaker opened but had nowhere to send traffic',
      rc: 'The path depends on one provider and has no secondary; the circuit breaker limited the damage but had no fallback to route to.',
      actions: ['Integrate a second provider behind {svcName} with automatic failover after {smallnum} consecutive failures', 'Subscribe the {teamName} on-call rota to the {vendor} status feed'],
      impact: '{feature} was unavailable to customers while {vendor} was down',
    },
    {
      slug: ['sdk-behaviour-change', 'client-library-upgrade'],
      comp: 'retry policy',
      tags: ['third-party', 'sdk-upgrade', 'retries'],
      titles: [
        'A {lib} upgrade changed retry behaviour and {svcName} sent duplicate requests',
        'Duplicate requests from {svcName} after the {lib} {ver} upgrade',
      ],
      trigger: 'the upgrade to {lib} {ver} changed how retries were issued and {svcName} sent duplicates to {vendor}',
      gap: 'our code relied on undocumented library behaviour and no test exercised the retry path',
      rc: 'The call site relied on the old library default for retries and no test injects a timeout, so the retry path never ran before production.',
      actions: ['Add a contract test that injects a timeout from {vendor} and asserts one request per retry chain', 'Pin {lib} minor versions and review its changelog in the upgrade pull request template'],
      impact: 'Some customers were charged or notified twice',
    },
  ],
  'software-defect': [
    {
      slug: ['null-handling-regression', 'unhandled-null-field'],
      comp: 'JSON schema',
      tags: ['bug', 'regression', 'validation'],
      titles: [
        '{svcName} crashed on orders without a {field} after {ver}',
        'Unhandled empty {field} in {svcName} {ver} failed {pctnum}% of requests',
      ],
      trigger: 'release {ver} of {svcName} assumed that every request carries a {field}',
      gap: 'test fixtures always populate the field and the type allows it to be missing',
      rc: 'The code path assumed a field that the contract marks optional, and every test fixture fills it in, so the missing case was never exercised.',
      actions: ['Generate {svcName} test fixtures from the published contract including optional fields left out', 'Make {field} non-optional in the internal type and handle its absence at the API boundary'],
      impact: 'Requests without a {field} failed with {err}',
    },
    {
      slug: ['cache-invalidation-bug', 'stale-cache-entries'],
      comp: 'cache key',
      tags: ['caching', 'bug', 'stale-data'],
      titles: [
        '{svcName} served stale {feature} for {dur} because a cache key ignored the currency',
        'Cache key collision in {svcName} showed customers the wrong {feature}',
      ],
      trigger: 'a change to the {comp} in {svcName} dropped the currency from the key, so entries collided',
      gap: 'the cache key is built by hand in three places and no test compares cached with uncached responses',
      rc: 'Cache keys are assembled by hand in several places and no test checks that a cached response equals the uncached one for the same request.',
      actions: ['Build {svcName} cache keys in one function with a property test over all request dimensions', 'Compare {pctnum}% of cached responses with uncached ones in production and alert on mismatch'],
      impact: 'Customers saw the wrong {feature} on product pages',
    },
    {
      slug: ['memory-leak-regression', 'slow-memory-leak'],
      comp: 'V8 heap',
      tags: ['memory-leak', 'bug', 'restarts'],
      titles: [
        'A memory leak in {svcName} {ver} restarted pods every {smallnum} hours',
        '{svcName} latency rose daily until pods restarted, caused by a leak in {lib}',
      ],
      trigger: 'release {ver} of {svcName} leaked memory through a listener registered on every request',
      gap: 'restarts hid the leak and no alarm watches restart counts',
      rc: 'Automatic restarts masked the leak for days, and neither the pod restart count nor the heap growth rate has an alarm.',
      actions: ['Alert when any {svcName} pod restarts more than {smallnum} times in an hour', 'Add a soak test that runs {svcName} for 6 hours in CI and fails on heap growth over 20%'],
      impact: 'Requests to {svcName} slowed and failed around each restart',
    },
    {
      slug: ['race-condition-double-processing', 'concurrent-update-race'],
      comp: 'idempotency key',
      tags: ['concurrency', 'bug', 'idempotency'],
      titles: [
        'A race in {svcName} processed {bignum} messages twice',
        'Concurrent consumers in {svcName} double-applied {feature} updates',
      ],
      trigger: 'two consumers of {svcName} processed the same message after a rebalance',
      gap: 'the handler is not idempotent and relies on the queue delivering each message once',
      rc: 'The message handler assumes exactly-once delivery; after a consumer rebalance the same message was delivered twice and applied twice.',
      actions: ['Store processed message ids in {svcName} and skip duplicates for {smallnum} days', 'Add a rebalance test that kills a consumer mid-batch and asserts every message is applied once'],
      impact: 'Some orders were updated twice and needed manual correction',
    },
  ],
  'hardware-failure': [
    {
      slug: ['disk-failure-primary', 'degraded-disk'],
      comp: 'NVMe drive',
      tags: ['hardware', 'disk', 'failover'],
      titles: [
        'A degraded disk under the {svcName} primary stalled writes for {dur}',
        '{svcName} writes hung when a drive timed out instead of failing',
      ],
      trigger: 'the drive under the {svcName} primary started timing out I/O without failing',
      gap: 'health checks only test that the process answers, not that it can write',
      rc: 'Failover assumes a failed host crashes or disappears; a drive that hangs keeps every health check green, because none of them writes.',
      actions: ['Add a write heartbeat check to {svcName} that fails over when a commit takes longer than {smallnum} s', 'Run a quarterly game day that injects a hung disk on a staging primary'],
      impact: 'Writes to {svcName} hung and dependent requests failed',
    },
    {
      slug: ['host-failure-single-az', 'hypervisor-failure'],
      comp: 'hypervisor host',
      tags: ['hardware', 'availability-zone', 'redundancy'],
      titles: [
        'A hypervisor failure took out every {svcName} replica in {region}',
        'All {svcName} instances shared one host, and it failed',
      ],
      trigger: 'a hypervisor host in {region} failed and took every {svcName} replica with it',
      gap: 'no anti-affinity rule spread the replicas across hosts',
      rc: 'The replicas had no anti-affinity rule, so the scheduler placed them on one host, and one hardware fault removed all of them.',
      actions: ['Add a pod anti-affinity rule to {svcName} across hosts and zones', 'Add a CI policy check that rejects tier-1 deployments without topology spread constraints'],
      impact: '{svcName} was unavailable in {region}',
    },
  ],
  network: [
    {
      slug: ['packet-loss-cross-region', 'cross-region-link-loss'],
      comp: 'VPC peering link',
      tags: ['network', 'packet-loss', 'cross-region'],
      titles: [
        'Packet loss on the link to {region} slowed {svcName} for {dur}',
        '{svcName} timeouts from packet loss between regions',
      ],
      trigger: 'the provider link between regions dropped {smallnum}% of packets',
      gap: 'timeouts and retries were tuned for a clean network and multiplied the load under loss',
      rc: 'Client timeouts and retries assume a clean network; under packet loss the retries multiplied the load on an already slow path.',
      actions: ['Add retry budgets of {smallnum}% to {svcName} clients calling across regions', 'Alert on TCP retransmit rate over {smallnum}% between regions'],
      impact: 'Requests that crossed regions were slow or failed',
    },
    {
      slug: ['dns-resolution-failure', 'resolver-overload'],
      comp: 'DNS resolver',
      tags: ['network', 'dns', 'kubernetes'],
      titles: [
        'DNS lookups from {svcName} failed when CoreDNS pods were overloaded',
        'Intermittent NXDOMAIN answers broke calls from {svcName} to {depName}',
      ],
      trigger: 'CoreDNS in the cluster ran out of capacity and returned errors to {svcName}',
      gap: 'the resolver was scaled by hand and client-side DNS caching was disabled',
      rc: 'CoreDNS is scaled by hand, clients do not cache lookups, and one busy service was enough to exhaust it.',
      actions: ['Autoscale CoreDNS on query rate with a floor of {smallnum} replicas', 'Enable NodeLocal DNSCache in every cluster'],
      impact: 'Calls from {svcName} to its dependencies failed intermittently',
    },
  ],
  security: [
    {
      slug: ['exposed-personal-data', 'api-returned-extra-fields'],
      comp: 'API version header',
      tags: ['security', 'personal-data', 'api'],
      titles: [
        '{svcName} returned other customers\' addresses to a paginated query',
        'An authorisation gap in {svcName} exposed order details',
      ],
      trigger: 'an endpoint of {svcName} did not check that the requested order belonged to the caller',
      gap: 'authorisation is implemented per endpoint and no test covers cross-tenant access',
      rc: 'Authorisation checks are written per endpoint and nothing tests that one customer cannot read another customer\'s resources.',
      actions: ['Move the ownership check of {svcName} into shared middleware and remove per-endpoint checks', 'Add a cross-tenant access test for every {svcName} endpoint in CI'],
      impact: 'Order details of some customers were visible to other signed-in customers',
    },
    {
      slug: ['leaked-credential-rotation', 'credential-in-logs'],
      comp: 'secret rotation',
      tags: ['security', 'credentials', 'logging'],
      titles: [
        'Database credentials for {svcName} appeared in debug logs',
        '{svcName} logged connection strings after a logging change',
      ],
      trigger: 'a logging change in {svcName} printed the full connection string at startup',
      gap: 'logs are not scanned for secrets and the credentials were long-lived',
      rc: 'The log pipeline does not scan for secrets, and the credentials were static, so a leak stayed valid until someone rotated them by hand.',
      actions: ['Issue {svcName} database credentials from the Vault database engine with a {smallnum}-hour TTL', 'Add a secret scanner to the log pipeline that drops matching lines'],
      impact: 'No customer impact; credentials were readable by engineers with log access',
    },
  ],
  'data-integrity': [
    {
      slug: ['backfill-overwrote-data', 'migration-data-corruption'],
      comp: 'backfill job',
      tags: ['data', 'backfill', 'migration'],
      titles: [
        'A backfill overwrote {bignum} rows in {svcName} with default values',
        '{svcName} migration wrote wrong {feature} values for {dur}',
      ],
      trigger: 'a backfill for {svcName} wrote default values over rows that already had data',
      gap: 'the backfill had no dry run and no row-count check before commit',
      rc: 'The backfill updated rows without a dry run or a comparison of expected and actual changed rows, so a wrong WHERE clause went unnoticed.',
      actions: ['Require a dry run with the expected row count for every {svcName} backfill', 'Take a snapshot before any backfill that touches more than {bignum} rows'],
      impact: 'Some customers saw wrong data until it was restored from backup',
    },
    {
      slug: ['replication-divergence', 'replica-divergence'],
      comp: 'replication slot',
      tags: ['data', 'replication', 'database'],
      titles: [
        'A read replica of {svcName} diverged and served old data for {dur}',
        '{svcName} replica fell behind silently after a failover',
      ],
      trigger: 'after a failover the replica of {svcName} reattached to the wrong timeline and stopped applying changes',
      gap: 'replication lag is graphed but not alarmed',
      rc: 'Replication lag is visible on a dashboard but has no alarm, so the replica served old data until customers noticed.',
      actions: ['Alert when {svcName} replication lag exceeds {smallnum} s for 5 minutes', 'Remove replicas with lag over {smallnum} s from the read pool automatically'],
      impact: 'Customers saw out-of-date orders and stock levels',
    },
  ],
  'process-gap': [
    {
      slug: ['maintenance-not-announced', 'unannounced-maintenance'],
      comp: 'status page',
      tags: ['process', 'maintenance', 'communication'],
      titles: [
        'Planned maintenance on {svcName} was not announced to dependent teams',
        '{depName} failed during {svcName} maintenance nobody downstream knew about',
      ],
      trigger: 'planned maintenance on {svcName} went ahead without notice to the teams that depend on it',
      gap: 'maintenance announcements depend on someone remembering to post them',
      rc: 'No tool or checklist requires an announcement of planned maintenance to dependent teams, so it depends on memory.',
      actions: ['Make the change calendar post maintenance of {svcName} to every dependent team channel {smallnum} days ahead', 'Add dependent services to the {svcName} entry in the service catalog'],
      impact: 'Dependent services failed during the maintenance window',
    },
    {
      slug: ['manual-runbook-step-skipped', 'runbook-step-missing'],
      comp: 'runbook',
      tags: ['process', 'runbook', 'automation'],
      titles: [
        'A manual failover step missing from the runbook extended a {svcName} outage by {dur}',
        '{svcName} recovery stalled on an undocumented step',
      ],
      trigger: 'the failover runbook for {svcName} omitted a step that had been added to the system a year earlier',
      gap: 'runbooks are prose documents that are not exercised',
      rc: 'Runbooks are maintained as prose and never executed outside incidents, so they drift from the system they describe.',
      actions: ['Automate the {svcName} failover as a single script exercised monthly in staging', 'Run a game day for {svcName} every quarter using only the runbook'],
      impact: 'The outage lasted longer than the failover itself required',
    },
  ],
  'testing-gap': [
    {
      slug: ['staging-not-representative', 'load-not-tested'],
      comp: 'test shard',
      tags: ['testing', 'staging', 'load-testing'],
      titles: [
        '{svcName} change passed staging but failed at production volume',
        'A query in {svcName} {ver} was fine on staging data and slow in production',
      ],
      trigger: 'a query in {svcName} {ver} scanned a table that is small in staging and large in production',
      gap: 'staging data is a tiny fraction of production and no test runs against realistic volumes',
      rc: 'Staging holds a small fraction of production data, so the query plan in staging differs from production and nothing compares them.',
      actions: ['Load a masked production-size snapshot into the {svcName} staging database weekly', 'Fail CI when EXPLAIN shows a sequential scan on tables over {bignum} MB'],
      impact: 'Requests to {svcName} slowed and timed out',
    },
  ],
  'monitoring-gap': [
    {
      slug: ['silent-failure-no-alarm', 'alert-did-not-page'],
      comp: 'alert rule',
      tags: ['monitoring', 'alerting', 'silent-failure'],
      titles: [
        '{svcName} stopped processing for {dur} without an alert',
        'Silent failure in {svcName} noticed only by customers',
      ],
      trigger: '{svcName} stopped processing work but kept answering health checks',
      gap: 'the alerts watch errors, and a stalled worker produces none',
      rc: 'Alerts fire on errors, not on the absence of work done, so a stalled worker with no errors raised nothing.',
      actions: ['Alert when {svcName} completes fewer than {smallnum} jobs in 10 minutes during business hours', 'Add an end-to-end probe that places a test order every {smallnum} minutes'],
      impact: 'Work queued silently until customers reported delays',
    },
  ],
  'time-and-expiry': [
    {
      slug: ['certificate-expired', 'tls-certificate-expiry'],
      comp: 'TLS certificate',
      tags: ['certificates', 'expiry', 'tls'],
      titles: [
        'The TLS certificate for {svcName} expired and clients could not connect',
        'Expired certificate on {svcName} broke {feature} for {dur}',
      ],
      trigger: 'the TLS certificate served by {svcName} expired',
      gap: 'the certificate was issued by hand and nothing monitors expiry dates',
      rc: 'The certificate was issued manually outside the automated issuance path, and no check watches the remaining validity of served certificates.',
      actions: ['Move the {svcName} certificate to cert-manager with automatic renewal {smallnum} days before expiry', 'Probe every public endpoint daily and alert when a certificate expires within 21 days'],
      impact: 'Clients of {svcName} failed TLS handshakes',
    },
    {
      slug: ['daylight-saving-bug', 'timezone-boundary-bug'],
      comp: 'daylight-saving transition',
      tags: ['time-zones', 'daylight-saving', 'scheduling'],
      titles: [
        'The daylight-saving change made {svcName} schedule jobs an hour late',
        '{svcName} skipped a run on the night the clocks changed',
      ],
      trigger: 'a job in {svcName} scheduled in local time ran an hour off on the night of the daylight-saving change',
      gap: 'schedules mix local time and UTC and no test covers the transition nights',
      rc: 'Schedules are stored in local time in one place and UTC in another, and no test runs across a daylight-saving transition.',
      actions: ['Store every {svcName} schedule in UTC with an explicit time zone for display', 'Add tests for both daylight-saving transition nights to the {svcName} scheduler suite'],
      impact: 'Scheduled work ran late or not at all',
    },
  ],
  'ownership-gap': [
    {
      slug: ['unowned-component', 'orphaned-service'],
      comp: 'cron schedule',
      tags: ['ownership', 'legacy', 'hand-off'],
      titles: [
        'An unowned cron job in {svcName} failed for {dur} before anyone noticed',
        '{svcName} batch job had no owner after a reorganisation',
      ],
      trigger: 'a nightly job in {svcName} started failing after its owning team was reorganised',
      gap: 'the job was not in the service catalog, so its alerts went to a channel nobody read',
      rc: 'After the reorganisation the job had no owner in the catalog, and its alerts routed to an archived channel.',
      actions: ['Require an owning team for every scheduled job in the {svcName} catalog entry, enforced in CI', 'Fail alert routing validation when a route targets an archived channel'],
      impact: 'Downstream reports were incomplete',
    },
  ],
};

/** Words for titles that need a product feature or a field. */
export const FEATURES = [
  'checkout', 'sign-in', 'order history', 'product pages', 'search results', 'delivery estimates', 'refunds', 'vouchers', 'stock levels',
  'invoices', 'order confirmation e-mails', 'push notifications', 'price display', 'saved carts', 'returns labels', 'wish lists',
];
export const FIELDS = ['billing address', 'postcode', 'tax id', 'currency code', 'delivery slot', 'voucher code', 'phone country', 'locale'];

/** Non-milestone timeline events. */
export const TIMELINE_EVENTS = [
  '{metric} on {svcName} rises above its alarm threshold',
  'Deploy of {svcName} {ver} starts in {region}',
  'On-call opens an incident channel and pulls in {teamName} engineers',
  'Dashboards show {err} from {svcName} concentrated in {region}',
  'Incident commander asks {teamName} to pause all deploys to {svcName}',
  'Status page updated: investigating elevated errors on {feature}',
  'First customer reports reach support about {feature}',
  'Rollback of {svcName} to {oldver} started',
  'Traffic shifted away from {region} at the load balancer',
  '{depName} team joins the call to check for a shared cause',
  'Log search finds {num} occurrences of {err} in the last hour',
  'Hypothesis about the {rcomp} ruled out after comparing with last week',
  'Extra capacity added to {svcName}: {smallnum} more pods',
  'Support posts a macro for customers asking about {feature}',
  'Status page updated: fix in progress',
  'Error rate on {svcName} back under 0.1% in {region}',
  'Queue backlog on {svcName} drained',
  '{vendor} confirms a problem on their side',
];

export const MILESTONE_EVENTS = {
  started: [
    '{trigger}',
    'First {err} recorded from {svcName}',
    'Change to the {comp} reaches production on {svcName}',
  ],
  detected: [
    '{metric} alarm on {svcName} fires and pages the {teamName} on-call',
    'Customer reports about {feature} escalated by support to {teamName} on-call',
    'Synthetic check for {feature} fails three times in a row and pages on-call',
    'An engineer on {depName} notices {err} in their dashboards and raises it in the incident channel',
  ],
  acknowledged: [
    '{teamName} on-call acknowledges the page and opens an incident',
    'Incident declared as {sev}; incident commander assigned',
  ],
  diagnosed: [
    'Graphs of the {comp} show the cause: {trigger}',
    'Root cause identified in the {comp} of {svcName}',
    'Logs confirm that {trigger}',
  ],
  mitigated: [
    'Rollback to {oldver} completes and errors drop',
    'Change reverted; {metric} recovering',
    'Traffic drained from the affected {svcName} pods; customers served again',
    'Failover to the standby completes',
  ],
  resolved: [
    '{metric} back to normal for 30 minutes; incident closed',
    'All queued work reprocessed and verified; incident resolved',
    'Fix deployed to every region and verified by a synthetic check',
  ],
};

export const WHY_CHAINS = [
  ['Why did customers see {err}?', '{svcName} could not serve requests while {trigger}.'],
  ['Why could it not serve requests?', 'The {comp} was in a state it was never tested in.'],
  ['Why did the change reach production?', 'Nothing in the pipeline checks that case before deploy.'],
  ['Why is there no such check?', 'The {comp} was treated as a stable setting rather than as code with its own tests.'],
  ['Why did it take {ttd} to detect?', 'The first signal was a customer-facing symptom, not an alarm on the {comp} itself.'],
  ['Why was there no alarm on the {comp}?', 'Alarms were designed around errors, and this failure mode raised few errors at first.'],
];

export const SECTIONS = [
  'Summary', 'Customer impact', 'How we noticed', 'How we mitigated', 'Root cause analysis', 'What went well', 'What went poorly',
  'Where we got lucky', 'Lessons learned',
];

/** Body sentences per section. */
export const BODY = {
  Summary: [
    'At {startTime} UTC on {day} {trigger}.',
    'The incident lasted {dur} from the first failed request to full recovery.',
    'The {teamName} on-call was paged {ttd} after the first errors and declared a {sev} incident.',
    'Most of the impact fell on {region}, where {pctnum}% of requests to {svcName} failed at the peak.',
    'The trigger was small; what turned it into an incident is that {gap}.',
    '{svcName} is a tier-{tier} service owned by {teamName}, and {feature} depends on it directly.',
    'We rolled back within minutes of finding the cause, but the cause took longer to find than the rollback took to run.',
    'This writeup covers the timeline, the root cause and the {nactions} action items we agreed at the review.',
  ],
  'Customer impact': [
    'About {users} customers saw {err} when they used {feature}.',
    'Support received {tickets} tickets during the incident and the day after.',
    'The checkout conversion rate dropped by {smallnum} percentage points for the duration.',
    'Customers in {region} were affected most, because their traffic is served only from that region.',
    'No data was lost; every failed request was either retried by the client or safely rejected.',
    'Partners using the public API received {err} and several of them opened cases with their account managers.',
    'Mobile app users saw a generic error screen; the apps retried in the background and most sessions recovered.',
    'We estimate {revenue} USD of orders were delayed or abandoned.',
  ],
  'How we noticed': [
    'The {metric} alarm on {svcName} fired {ttd} after the start and paged the on-call.',
    'The first signal came from support, not from our alarms, which tells us where the gap is.',
    'The on-call spent the first minutes on {depName}, because its dashboard turned red first.',
    'A synthetic check that places a test order every {smallnum} minutes failed twice before the alarm fired.',
    'Our {metric} graph showed the change clearly in hindsight, but it has no alarm attached.',
    'Detection took {ttd}, which is above our target of {smallnum} minutes for a tier-{tier} service.',
  ],
  'How we mitigated': [
    'We rolled {svcName} back to {oldver}, which took {smallnum} minutes including the canary stage.',
    'We shifted traffic away from {region} at the load balancer while the cause was still unknown.',
    'The incident commander paused all deploys to {svcName} and its dependencies until the cause was clear.',
    'We scaled {svcName} out by {smallnum} pods to absorb the retries while the fix was prepared.',
    'Once the cause was clear we reverted the change to the {comp} and verified recovery on the dashboards.',
    'Queued work was replayed from the dead-letter queue after the fix, in batches of {num}, and checked against the source data.',
    'The rollback script needed a manual approval step, which added time we want to remove.',
  ],
  'Root cause analysis': [
    '{rc}',
    'The immediate trigger was that {trigger}.',
    'Underneath the trigger, {gap}.',
    'We looked at whether the {rcomp} contributed and ruled it out by comparing the same window on the previous day.',
    'The {comp} has been in place since {year}; its defaults were chosen for a traffic level well below today\'s.',
    'Two earlier incidents touched the same {comp}, and the action items from those were still open when this one started.',
    'The change itself was reviewed and approved; the review could not have seen the problem, because it only shows up at production scale.',
    'In staging the same change behaved correctly, because staging runs with a fraction of production traffic and data.',
    'The {lib} library version in use handles this case differently from the version the code was written against.',
  ],
  'What went well': [
    'The incident commander role was filled within minutes and the channel stayed focused.',
    'The rollback worked first time once it was started.',
    'Support spotted the pattern early and escalated as a batch instead of ticket by ticket.',
    'The {depName} team joined quickly and ruled out their service within {smallnum} minutes.',
    'Dashboards for {svcName} had the right panels to confirm the cause once we knew where to look.',
    'Status page updates went out every {smallnum} minutes throughout.',
  ],
  'What went poorly': [
    'Detection took {ttd}, mostly because the first signal was a customer-facing symptom.',
    'The runbook for {svcName} described a procedure that no longer matches the system.',
    'We lost time investigating {depName} because its alarms fired first.',
    'Nobody on the call had access to the {comp} settings, so we waited for an escalation.',
    'The change log for {svcName} did not make the {comp} change obvious.',
    'Two people ran conflicting mitigations at the same time before the commander took control.',
  ],
  'Where we got lucky': [
    'The incident started well before the traffic of {peak}; a few hours later the impact would have been far larger.',
    'An engineer from {teamName} happened to be looking at the {metric} graph for an unrelated reason.',
    'The affected region carries the smallest share of our traffic.',
    'The failure did not reach the ledger, so no financial data needed repair.',
    'A previous unrelated change had added headroom to {depName}, which absorbed the retries.',
  ],
  'Lessons learned': [
    'Health checks have to exercise the path customers use, not just whether a process is up.',
    'Settings that can take a service down deserve the same tests as code.',
    'An alarm on the cause is worth more than an alarm on the symptom, but we need both.',
    'Staging does not tell us how a change behaves at production scale, and we should stop treating it as if it does.',
    'Rollback has to be the fastest action available to the on-call, with no approvals in the way.',
    'Action items from earlier incidents on the same {comp} should be reviewed before the next change to it.',
  ],
};

/** Sentences with random technical detail, spread across sections to give the corpus a long tail. */
export const FILLER = [
  'The {rcomp} on `{host}` reported {rmetric} of {num} for {smallnum} minutes, well above its normal range.',
  'A query over the {rcomp} logs showed {num} occurrences of {rerr} in the first hour.',
  'We compared the {rmetric} graph for {region} with the same window a week earlier and found no comparable spike.',
  'The {lib} client in {svcName} logged {rerr} for calls to {depName} throughout the window.',
  'During the incident the {rcomp} kept reporting healthy, which sent the investigation in the wrong direction.',
  'Traces for slow requests spent most of their time waiting on the {rcomp}.',
  'The {rmetric} panel on the {svcName} dashboard is scaled so that this change looked like noise.',
  'A related change to the {rcomp} had been merged {smallnum} days earlier but was not yet deployed.',
  'The {rcomp} in {region} runs a different version from the other regions, which made comparisons harder.',
  'We confirmed with {vendor} that nothing changed on their side during the window.',
  'Retries from the mobile apps roughly doubled the request rate on {svcName} during the incident.',
  'Ticket {ticket} tracks the longer-term redesign of the {rcomp}.',
  'The capacity plan for {svcName} assumed {rmetric} would stay below {num}, an assumption nobody had revisited since {year}.',
  'Pods on `{host}` were the first to show {rerr}; that node had been recycled that morning.',
  'The {rcomp} change is visible in the audit log, but the audit log is not linked from the deploy view.',
  'The on-call handbook mentions the {rcomp} once, in a section written before the migration to {lib}.',
];

export const INTERNAL_NOTES = [
  'Hosts involved: the affected nodes were `{host}` and `{host2}` in {region}. The vendor case number is {ticket}.',
  'The mitigation ran from the bastion with the {lib} admin tool against the {region} cluster; the full command history is attached to {ticket}.',
  'Commercial detail: the SLA credit for the two largest affected merchants was agreed with account management and is tracked in {ticket}.',
  'The internal dashboard used during the incident is linked from {ticket}; it includes per-tenant panels that are not shared outside the company.',
];
