import { scaleLinear } from 'd3-scale';
import { area, curveMonotoneX, line } from 'd3-shape';
import { useMemo } from 'react';

/** A tile's series as a small filled line; the scale is the series' own, so shape reads, not size. */
export function Sparkline({ values, width = 160, height = 30, className = '' }: { values: number[]; width?: number; height?: number; className?: string }) {
  const paths = useMemo(() => {
    if (values.length === 0) return null;
    const max = Math.max(1, ...values);
    const x = scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([1, width - 1]);
    const y = scaleLinear().domain([0, max]).range([height - 1.5, 2]);
    const a = area<number>().x((_, i) => x(i)).y0(height).y1((v) => y(v)).curve(curveMonotoneX);
    const l = line<number>().x((_, i) => x(i)).y((v) => y(v)).curve(curveMonotoneX);
    return { area: a(values) ?? '', line: l(values) ?? '' };
  }, [values, width, height]);
  return (
    <svg className={`spark ${className}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {paths && <path className="spark__area" d={paths.area} />}
      {paths && <path className="spark__line" d={paths.line} />}
    </svg>
  );
}
