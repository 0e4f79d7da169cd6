/*
 * The relevance set: what an engineer types to find a postmortem they remember, each with the
 * postmortem it must find. Written by hand, two to four keywords each, the way people search an
 * incident knowledge base: a symptom, a component or a tag, a service, sometimes a version, a
 * region or a ticket; some stemmed ("rebalancing", "throttled") or hyphenated differently from
 * the text ("out-of-memory", "read-only", "n+1"). Not copied from titles; a query names what the
 * incident is about, and its words are the postmortem's own (its body, frontmatter or catalog
 * names), so every query can be answered.
 *
 * Used by `npm run bench` (bench/lib/relevance.ts: recall@5 and MRR against Pagefind's defaults
 * over the same pages) and, for the example, by test/e2e/relevance.test.ts.
 */

/** Over the example knowledge base in content/ (the internal edition's published postmortems). */
export const EXAMPLE_QUERIES = [
  { q: 'kafka consumer lag rebalancing', id: '2025-01-21-event-bus-consumer-rebalance-storm' },
  { q: 'merchant api cert expired api-gateway', id: '2025-02-03-merchant-api-tls-certificate-expired' },
  { q: 'daylight saving route planner', id: '2025-03-31-route-planner-dst-delivery-windows' },
  { q: 'card charged twice idempotency', id: '2025-04-16-billing-duplicate-card-charges' },
  { q: 'postgres failover nvme', id: '2025-05-22-parcel-db-primary-disk-failure' },
  { q: 'cdn cache rule stale eta', id: '2025-06-12-tracking-web-stale-eta-cdn-ttl' },
  { q: 'readiness probe 503 rolling deploy', id: '2025-07-08-dispatch-api-readiness-probe-503s' },
  { q: 'mirrormaker packet loss disaster recovery', id: '2025-08-19-event-bus-cross-region-packet-loss' },
  { q: 'mtls webhooks cert expiry', id: '2025-09-10-merchant-webhook-client-certificate-expired' },
  { q: 'phoenix deprecated endpoint removed', id: '2025-10-15-phoenix-legacy-manifest-endpoint-removed' },
  { q: 'personal data exposed postcode check', id: '2025-11-04-tracking-api-recipient-details-exposed' },
  { q: 'black friday solver oom', id: '2025-11-28-route-planner-solver-out-of-memory-peak' },
  { q: 'sms rate limited new year', id: '2025-12-31-notifications-new-year-sms-throttling' },
  { q: 'surcharge backfill sql join', id: '2026-01-20-billing-fuel-surcharge-backfill-near-miss' },
  { q: 'carrier filtering sms short links', id: '2026-02-09-notifications-sms-dropped-by-carrier-filter' },
  { q: 'depot merge vrp out-of-memory', id: '2026-03-16-route-planner-solver-out-of-memory-merged-depot' },
  { q: 'certificate pinning acme intermediate', id: '2026-04-14-driver-app-pinned-intermediate-rotation' },
  { q: 'kafka unclean leader election', id: '2026-05-19-event-bus-broker-disk-failure-lost-scans' },
  { q: 'rate limit per ip nat', id: '2026-06-23-merchant-api-rate-limit-keyed-by-ip' },
  { q: 'node pool upgrade pod disruption budget', id: '2026-07-08-route-planner-solves-evicted-by-node-upgrade' },
  { q: 'eta circuit breaker fallback observability', id: '2026-08-12-tracking-eta-silent-fallback' },
  { q: 'postgresql major upgrade read-only labels', id: '2026-09-03-merchant-api-writes-failed-during-db-upgrade' },
  { q: 'orm n+1 timeouts', id: '2026-09-29-dispatch-api-route-reassignment-timeouts' },
  { q: 'payment provider outage prepaid top-up', id: '2026-10-14-billing-payment-provider-card-api-outage' },
];

/**
 * Over the generated knowledge base of `npm run bench` (bench/generate.mjs, 1,000 postmortems,
 * seed 42): its incidents repeat templates, so each query carries the detail that tells one
 * apart (a vendor, a library, a region, a version, a ticket), as an engineer's memory would.
 */
export const GENERATED_QUERIES = [
  { q: 'email sender hypervisor host redundancy', id: '2021-03-11-email-sender-host-failure-single-az' },
  { q: 'dbt-core memory leak restarts', id: '2021-05-20-kubernetes-platform-slow-memory-leak' },
  { q: 'resilience4j credentials logged', id: '2021-08-12-kubernetes-platform-leaked-credential-rotation' },
  { q: 'fastlane outage refunds search', id: '2021-10-16-search-api-provider-outage' },
  { q: 'envoy timeout ios', id: '2022-01-20-mobile-app-ios-timeout-config-regression' },
  { q: 'event bus upload timeout ap-southeast-1', id: '2022-04-11-event-bus-gateway-timeout-setting' },
  { q: 'etl scheduler migration column default', id: '2022-06-03-etl-scheduler-migration-lock-during-deploy' },
  { q: 'email sender canary invoices us-west-2', id: '2022-08-07-email-sender-release-without-canary' },
  { q: 'deploy service v9.30.11 rollback', id: '2022-10-01-deploy-service-release-without-canary' },
  { q: 'pricing engine v9.13.17 staging', id: '2022-12-11-pricing-engine-staging-not-representative' },
  { q: 'mobile bff connection limit autoscaling', id: '2023-01-26-mobile-bff-database-connection-limit' },
  { q: 'observability addresses personal-data hikari', id: '2023-04-12-observability-stack-api-returned-extra-fields' },
  { q: 'search api double processed invoices concurrency', id: '2023-05-25-search-api-race-condition-double-processing' },
  { q: 'sms gateway table lock promotions', id: '2023-07-21-sms-gateway-schema-migration-lock' },
  { q: 'certmint quota throttled', id: '2023-09-16-kubernetes-platform-provider-quota-exhausted' },
  { q: 'ci pipeline double applied idempotency', id: '2023-11-19-ci-pipeline-concurrent-update-race' },
  { q: 'secrets vault clock change skipped', id: '2024-01-02-secrets-vault-daylight-saving-bug' },
  { q: 'feature flags v3.15.0 leak', id: '2024-02-23-feature-flags-slow-memory-leak' },
  { q: 'empty voucher code v2.28.20', id: '2024-03-31-product-db-unhandled-null-field' },
  { q: 'warehouse maintenance debezium', id: '2024-05-17-data-warehouse-unannounced-maintenance' },
  { q: 'saved carts stale currency cache key', id: '2024-06-24-ci-pipeline-cache-invalidation-bug' },
  { q: 'django cache key order history', id: '2024-08-17-data-warehouse-cache-invalidation-bug' },
  { q: 'api gateway 300 pods connection-pool', id: '2024-10-06-api-gateway-connection-exhaustion' },
  { q: 'kubernetes packet loss us-west-2', id: '2024-11-15-kubernetes-platform-cross-region-link-loss' },
  { q: 'promotions packet loss fraud scoring', id: '2024-12-18-promotions-cross-region-link-loss' },
  { q: 'kubernetes platform cross-region product db', id: '2025-01-29-kubernetes-platform-packet-loss-cross-region' },
  { q: 'textbridge push notifications outage', id: '2025-03-13-kubernetes-platform-third-party-api-outage' },
  { q: 'warehouse packet loss us-east-1 android', id: '2025-04-22-data-warehouse-cross-region-link-loss' },
  { q: 'ios refunds broken no canary', id: '2025-06-02-mobile-app-ios-canary-skipped-release' },
  { q: 'warehouse daylight saving MSG-1112', id: '2025-07-24-data-warehouse-timezone-boundary-bug' },
  { q: 'email sender maintenance sms gateway write-ahead', id: '2025-09-24-email-sender-maintenance-not-announced' },
  { q: 'ios silent failure alerting', id: '2025-11-22-mobile-app-ios-silent-failure-no-alarm' },
  { q: 'mailstream rate limit redis-py', id: '2026-01-13-kubernetes-platform-rate-limit-throttling' },
  { q: 'kubernetes migration blocked writes sms gateway', id: '2026-02-17-kubernetes-platform-schema-migration-lock' },
  { q: 'media service nightly job reorg hand-off', id: '2026-03-28-media-service-unowned-component' },
  { q: 'search api stale product pages currency audit', id: '2026-05-07-search-api-cache-invalidation-bug' },
  { q: 'api gateway pool size airflow', id: '2026-07-13-api-gateway-config-pool-size' },
  { q: 'etl scheduler flag targeting rule rollout', id: '2026-09-17-etl-scheduler-feature-flag-misconfiguration' },
];

/** The generated knowledge base GENERATED_QUERIES were written against. */
export const GENERATED_SET = { count: 1000, seed: 42 };
