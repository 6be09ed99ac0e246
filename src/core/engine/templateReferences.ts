import Handlebars from 'handlebars';

export interface Reference {
  name: string;
  /** 1-based line in the parsed text, 0-based column (Handlebars' own positions). */
  line: number;
  column: number;
}

export interface TemplateReferences {
  /** `{{> name}}` and `{{#> name}}`, including names defined inline. */
  partials: Reference[];
  /** Names defined by `{{#*inline "name"}}` in the same text. */
  inlinePartials: Set<string>;
  /** `fields.<id>` (also `@root.fields.<id>`, `../fields.<id>`), by id. */
  fields: Reference[];
}

/**
 * What a template or partial body refers to, found by walking its syntax tree once:
 * partials (so a missing one is a located problem when the pack loads) and fields
 * (so an undeclared one is, even inside `{{#if}}`, which strict mode does not check).
 */
export function templateReferences(ast: hbs.AST.Program): TemplateReferences {
  const found: TemplateReferences = { partials: [], inlinePartials: new Set(), fields: [] };
  // Visitor lives on the top-level namespace only; it holds no state shared between environments.
  const visitor = new Handlebars.Visitor();
  const partial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    const name = (node.name as hbs.AST.PathExpression).original;
    if (typeof name === 'string') found.partials.push({ name, line: node.loc.start.line, column: node.loc.start.column });
  };
  visitor.PartialStatement = function (node) {
    partial(node);
    this.acceptKey(node, 'hash');
  };
  visitor.PartialBlockStatement = function (node) {
    partial(node);
    this.acceptKey(node, 'program');
  };
  visitor.DecoratorBlock = function (node) {
    const path = node.path as hbs.AST.PathExpression;
    const [first] = node.params;
    if (path.original === 'inline' && first?.type === 'StringLiteral') found.inlinePartials.add((first as hbs.AST.StringLiteral).value);
    this.acceptKey(node, 'program');
  };
  visitor.PathExpression = function (node) {
    const parts = node.data && node.parts[0] === 'root' ? node.parts.slice(1) : node.data ? [] : node.parts;
    if (parts[0] === 'fields' && parts.length > 1) found.fields.push({ name: parts[1], line: node.loc.start.line, column: node.loc.start.column });
  };
  visitor.accept(ast);
  return found;
}
