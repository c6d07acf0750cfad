/** `check-endpoint`: observe the endpoint, run every check, build the report. */
import { clockCheck, contentTypeCheck, schemaCheck, statusCheck, userCheck } from './checks-body.js';
import { corsCheck, errorsCheck, latencyCheck, latencyOf, rateLimitCheck, redirectsCheck } from './checks-http.js';
import { pagingCheck } from './checks-paging.js';
import type { CheckOptions } from './options.js';
import { observe } from './probe.js';
import type { Report } from './report.js';

export async function checkEndpoint(options: CheckOptions): Promise<Report> {
  const observations = await observe(options);
  const pages = [...observations.firstPages, ...(observations.paging?.pages.slice(1) ?? [])];
  const checks = [
    statusCheck(pages, options.timeoutMs),
    contentTypeCheck(pages),
    schemaCheck(pages),
    pagingCheck(observations, options.limit, options.maxPages),
    userCheck(observations.firstPages, options.user),
    clockCheck(pages, observations.startedAt),
    errorsCheck(observations, options),
    redirectsCheck(observations),
    rateLimitCheck(observations, options),
    corsCheck(observations, options),
    latencyCheck(observations, options),
  ];
  const latency = latencyOf(observations);
  return {
    endpoint: options.url,
    site: options.site,
    ...(options.user ? { user: options.user } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    queries: options.queries,
    checkedAt: new Date().toISOString(),
    ok: checks.every((c) => c.verdict !== 'fail'),
    ...(latency ? { latency } : {}),
    checks,
  };
}
