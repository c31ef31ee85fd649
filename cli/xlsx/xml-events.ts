import { Parser } from 'htmlparser2';

export interface XmlHandlers {
  /** `name` without its namespace prefix ("x:row" → "row"). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs a streaming XML parser (entities decoded, CDATA as text) over one part of the package. */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const { open, close, text } = handlers;
  const parser = new Parser(
    {
      onopentag: open ? (name, attributes) => open(localName(name), attributes) : undefined,
      onclosetag: close ? (name) => close(localName(name)) : undefined,
      ontext: text,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}
