import type { ReactNode, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.7"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

export const CapturesIcon = (p: IconProps) => (
  <Icon {...p}><path d="M3 12h3l2.5-6 4 12 3-9 2 3H21" /></Icon>
);
export const ClusterIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 2.8 20 7.4v9.2L12 21.2 4 16.6V7.4z" />
    <circle cx="12" cy="12" r="2.4" />
    <path d="M12 9.6V5.5M14.1 13.2l3.5 2M9.9 13.2l-3.5 2" />
  </Icon>
);
export const CloudIcon = (p: IconProps) => (
  <Icon {...p}><path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.6 9.2 4.7 4.7 0 0 0 7 18.5z" /></Icon>
);
export const ScansIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 8V5.5A1.5 1.5 0 0 1 5.5 4H8M16 4h2.5A1.5 1.5 0 0 1 20 5.5V8M20 16v2.5a1.5 1.5 0 0 1-1.5 1.5H16M8 20H5.5A1.5 1.5 0 0 1 4 18.5V16" />
    <path d="M4 12h16" />
  </Icon>
);
export const ComplianceIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3 5 6v5.5c0 4.3 3 7.9 7 9.5 4-1.6 7-5.2 7-9.5V6z" />
    <path d="m9 12 2.2 2.2L15.5 10" />
  </Icon>
);
export const CaseIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3.5" y="7" width="17" height="12.5" rx="1.8" />
    <path d="M9 7V5.5A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5V7M3.5 12.5h17" />
  </Icon>
);
export const FolderIcon = (p: IconProps) => (
  <Icon {...p}><path d="M3.5 6.5A1.5 1.5 0 0 1 5 5h4.2l2 2.2H19a1.5 1.5 0 0 1 1.5 1.5v8.8A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5z" /></Icon>
);
export const FileIcon = (p: IconProps) => (
  <Icon {...p}><path d="M6.5 3.5h7l4 4v13h-11zM13.5 3.5v4h4" /></Icon>
);
export const UpIcon = (p: IconProps) => (
  <Icon {...p}><path d="M12 19V6M6.5 11.5 12 6l5.5 5.5" /></Icon>
);
export const CheckIcon = (p: IconProps) => (
  <Icon {...p}><path d="m5 12.5 4.5 4.5L19 7.5" /></Icon>
);
export const ClockIcon = (p: IconProps) => (
  <Icon {...p}><circle cx="12" cy="12" r="8.5" /><path d="M12 7.5V12l3 2" /></Icon>
);
export const CloseIcon = (p: IconProps) => (
  <Icon {...p}><path d="M6.5 6.5l11 11M17.5 6.5l-11 11" /></Icon>
);
export const KeyboardIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M9.5 10h.01M13 10h.01M16.5 10h.01M7 14h10" />
  </Icon>
);

/** The mark: a magnifier over a trace line. */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="logo-bg" />
      <circle cx="14" cy="14" r="7.5" fill="none" className="logo-lens" strokeWidth="3" />
      <path d="M19.5 19.5 26 26" className="logo-lens" strokeWidth="3.4" strokeLinecap="round" />
      <path d="M10 14h2.2l1.3-3 2 6 1.3-3H18" fill="none" className="logo-trace" strokeWidth="1.6"
        strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
