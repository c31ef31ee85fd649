export type {
  ColumnRole,
  ReportAppendix,
  ReportCell,
  ReportCellKind,
  ReportChart,
  ReportColumn,
  ReportDocument,
  ReportHeading,
  ReportRow,
  ReportSection,
  ReportSignature,
  ReportTable,
} from './model';
export * from './number-formats';
export * from './issuer';
export * from './build-consolidation';
export * from './build-unit';
export * from './sheet-model';
export * from './layout';
