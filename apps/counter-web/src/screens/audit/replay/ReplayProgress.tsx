import type { ApiSchemas } from '../../../api/client';
import { formatWibTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { secondsLeft } from './replay-result';

type ReplayJob = ApiSchemas['ReplayJobResponse'];

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

function duration(seconds: number): string {
  if (seconds < 60) return t('audit.replay.seconds', { count: seconds });
  return t('audit.replay.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** The job as it runs: a bar of events done out of the total, the rate, and the time left at that rate. */
export function ReplayProgress({ job }: { job: ReplayJob }) {
  const { progress } = job;
  const total = progress.total;
  const percent = total
    ? Math.min(100, Math.round((progress.done / total) * 100))
    : job.status === 'done'
      ? 100
      : 0;
  const left =
    job.status === 'running' ? secondsLeft(progress.done, total, progress.perSecond) : null;
  const unit = t(
    progress.unit === 'messages'
      ? 'audit.replay.unit.messages'
      : progress.unit === 'rows'
        ? 'audit.replay.unit.rows'
        : 'audit.replay.unit.events',
  );
  return (
    <section class="card replay-progress" aria-labelledby="replay-progress-title">
      <h2 id="replay-progress-title">
        {t(`audit.replay.status.${job.status}`)}
        {job.source === 'kafka'
          ? ` · ${t('audit.replay.source.kafka')}`
          : ` · ${t('audit.replay.source.stores')}`}
      </h2>
      <div
        class="replay-bar"
        role="progressbar"
        aria-label={t('audit.replay.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('audit.replay.percent', { percent })}
      >
        <span class="replay-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="replay-figures" aria-live="polite">
        <span>{t('audit.replay.percent', { percent })}</span>
        <span>
          {total === null
            ? NUMBER.format(progress.done)
            : t('audit.replay.doneOf', {
                done: NUMBER.format(progress.done),
                total: NUMBER.format(total),
              })}{' '}
          {unit}
        </span>
        {job.status === 'running' && (
          <span>{t('audit.replay.rate', { rate: NUMBER.format(progress.perSecond), unit })}</span>
        )}
        {left !== null && <span>{t('audit.replay.left', { time: duration(left) })}</span>}
      </p>
      <p class="field__hint">
        {t('audit.replay.requestedAt', { time: formatWibTime(job.requestedAt) })}
      </p>
      {job.lastRestartedAt !== null && (
        <p class="alert alert--info" data-testid="replay-restarted">
          {t('audit.replay.restarted', {
            time: formatWibTime(job.lastRestartedAt),
            count: job.restarts,
          })}
        </p>
      )}
    </section>
  );
}
