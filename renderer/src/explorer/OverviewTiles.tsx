import type { OverviewResult, TileResult } from '../../../core/api/contract';
import { formatBytesShort, formatCompact, formatCount } from './model';
import { useEngineQuery } from './query';
import { Sparkline } from './Sparkline';
import { TableSkeleton } from './ViewsPane';
import { scopeParams, useExplorer } from './store';

export function tileValue(t: TileResult): string {
  return t.unit === 'bytes' ? formatBytesShort(t.total) : formatCompact(t.total);
}

export function useOverview(): { data: OverviewResult | null; loading: boolean; error: { code: string; message: string } | null; progress: number | null } {
  const id = useExplorer((s) => s.capture?.id);
  const filter = useExplorer((s) => s.filter);
  const range = useExplorer((s) => s.range);
  const whole = useExplorer((s) => s.whole);
  const unscoped = !filter && !range;
  // The whole-capture overview came with the timeline; only a scope needs its own pass.
  const params = id && !(unscoped && whole?.overview) ? { id, overview: true, ...scopeParams(filter, range) } : null;
  const q = useEngineQuery('capture.analyze', params, 'Overview');
  if (unscoped && whole?.overview) return { data: whole.overview, loading: false, error: null, progress: null };
  return { data: q.data?.overview ?? null, loading: q.loading || (unscoped && !whole), error: q.error, progress: q.progress?.fraction ?? null };
}

export function OverviewTiles() {
  const { data, loading, error, progress } = useOverview();
  const pinned = useExplorer((s) => s.pinned);
  const togglePin = useExplorer((s) => s.togglePin);
  const setTab = useExplorer((s) => s.setTab);
  const setCrumbs = useExplorer((s) => s.setCrumbs);
  const views = useExplorer((s) => s.views);
  const scoped = useExplorer((s) => !!s.filter || !!s.range);

  const drill = (t: TileResult) => {
    const title = views.find((v) => v.id === t.targetView)?.title ?? t.targetView;
    setCrumbs([{ view: t.targetView, title, label: t.name, clause: t.filter }]);
    setTab('views');
  };

  if (error) {
    return <div className="pane-error" data-testid="overview-error"><span className="code-chip">{error.code}</span> {error.message}</div>;
  }
  if (!data) return loading ? <TableSkeleton progress={progress} /> : null;

  return (
    <div className="overview" data-testid="overview-tiles" data-scoped={scoped ? 'true' : 'false'}>
      {data.categories.map((cat) => {
        const tiles = data.tiles.filter((t) => t.category === cat.id);
        if (tiles.length === 0) return null;
        return (
          <section key={cat.id} className="overview__cat" aria-label={cat.name}>
            <h3 className="overview__cat-title">{cat.name}</h3>
            <div className="overview__grid">
              {tiles.map((t) => {
                const isPinned = pinned.includes(t.id);
                return (
                  <div key={t.id} className={`tile${t.total === 0 ? ' tile--zero' : ''}${isPinned ? ' is-pinned' : ''}`}
                    data-testid="tile" data-tile-id={t.id} data-total={t.total}>
                    <button type="button" className="tile__main" title={`${t.desc}\nOpens ${t.targetView}${t.filter ? ` with ${t.filter}` : ''}`}
                      onClick={() => drill(t)}>
                      <span className="tile__name">{t.name}</span>
                      <span className="tile__value" data-testid="tile-value" title={t.unit === 'bytes' ? `${formatCount(t.total)} bytes` : formatCount(t.total)}>
                        {tileValue(t)}
                      </span>
                      <Sparkline values={t.series.values} width={168} height={28} />
                    </button>
                    <button type="button" className={`tile__pin${isPinned ? ' is-on' : ''}`} data-testid="tile-pin"
                      aria-pressed={isPinned} title={isPinned ? 'Unpin from the timeline' : 'Pin on the timeline'}
                      onClick={() => togglePin(t.id)}>
                      {isPinned ? '◉' : '○'}
                    </button>
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
