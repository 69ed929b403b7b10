import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { t } from '../../../i18n/i18n';
import { ReplayProgress } from './ReplayProgress';
import { ReplayDifferences } from './ReplayDifferences';
import type { ReplayResult } from './replay-result';
import { auditScopeQuery } from '../shared/audit-koperasi';

type ReplayJob = ApiSchemas['ReplayJobResponse'];
type Source = 'stores' | 'kafka';

const POLL_MS = 1_000;

/**
 * Replay: the books rebuilt from the event history (the stores, or Kafka's topics from the start) beside the
 * live ones, followed with a progress bar, then compared: identical, or each difference with its events. The
 * job's id is kept in the address, so a reload follows the same job.
 */
export function ReplayScreen() {
  const { query, route } = useLocation();
  const jobId = query.job ?? null;
  const [source, setSource] = useState<Source>(query.source === 'kafka' ? 'kafka' : 'stores');
  const [job, setJob] = useState<ReplayJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await api.get('/api/v1/audit/replays/{id}', {
          path: { id: jobId },
          query: auditScopeQuery(),
          signal: controller.signal,
        });
        setJob(answer);
        setError(null);
        if (answer.status === 'queued' || answer.status === 'running')
          timer = setTimeout(poll, POLL_MS);
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(describeError(failure, { NOT_FOUND: () => t('audit.replay.notFound') }));
        // A dropped connection is not the end of the job: keep asking.
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const started = await api.post('/api/v1/audit/replays', {
        query: auditScopeQuery(),
        body: { source },
      });
      setJob(started);
      route(`/audit/replay?job=${encodeURIComponent(started.id)}`);
    } catch (failure) {
      setError(describeError(failure, { SERVICE_UNAVAILABLE: () => t('audit.replay.busy') }));
    } finally {
      setStarting(false);
    }
  };

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  const result = job?.status === 'done' ? (job.result as unknown as ReplayResult | null) : null;
  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.replay.title')}</PageTitle>
      <p class="page-intro">{t('audit.replay.intro')}</p>
      {!running && (
        <fieldset class="kind-choice">
          <legend>{t('audit.replay.source')}</legend>
          {(['stores', 'kafka'] as const).map((option) => (
            <label
              key={option}
              class={`kind-choice__option ${source === option ? 'kind-choice__option--chosen' : ''}`}
            >
              <input
                type="radio"
                name="replay-source"
                value={option}
                checked={source === option}
                onChange={() => setSource(option)}
              />
              {t(`audit.replay.source.${option}`)}
            </label>
          ))}
        </fieldset>
      )}
      {!running && (
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={start} disabled={starting}>
            {starting
              ? t('audit.replay.starting')
              : job
                ? t('audit.replay.again')
                : t('audit.replay.start')}
          </button>
        </div>
      )}
      <ErrorMessage message={error} />
      {job && <ReplayProgress job={job} />}
      {job?.status === 'failed' && (
        <p class="alert alert--error" role="alert">
          {t('audit.replay.failed')}
        </p>
      )}
      {result && <ReplayDifferences result={result} />}
    </div>
  );
}
