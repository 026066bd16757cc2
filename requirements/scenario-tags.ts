/** Reads every feature file and lists its scenarios with their @krav:<id> tags (feature, rule and scenario level). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type FeatureChild, type RuleChild, type Tag } from '@cucumber/messages';

export interface TaggedScenario {
  file: string;
  line: number;
  name: string;
  requirementIds: string[];
  /** A scenario outline's example rows, column by column, as a run reports them (ScenarioRun.example). */
  examples?: Record<string, string>[];
}

const KRAV = /^@krav:(.+)$/;

function ids(tags: readonly Tag[]): string[] {
  return tags.map((tag) => KRAV.exec(tag.name)?.[1]).filter((id): id is string => id !== undefined);
}

export function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.feature'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

export function scenariosOf(file: string): TaggedScenario[] {
  const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
  const feature = parser.parse(readFileSync(file, 'utf8')).feature;
  if (!feature) return [];
  const scenarios: TaggedScenario[] = [];
  const visit = (children: readonly (FeatureChild | RuleChild)[], inherited: string[]): void => {
    for (const child of children) {
      if (child.scenario) {
        const { scenario } = child;
        const exampleIds = scenario.examples.flatMap((examples) => ids(examples.tags));
        const rows = scenario.examples.flatMap((examples) => {
          const header = examples.tableHeader?.cells.map((cell) => cell.value) ?? [];
          return examples.tableBody.map((row) => Object.fromEntries(header.map((column, index) => [column, row.cells[index]?.value ?? ''])));
        });
        scenarios.push({
          file,
          line: scenario.location.line,
          name: scenario.name,
          requirementIds: [...inherited, ...ids(scenario.tags), ...exampleIds],
          ...(rows.length > 0 ? { examples: rows } : {}),
        });
      }
      if ('rule' in child && child.rule) visit(child.rule.children, [...inherited, ...ids(child.rule.tags)]);
    }
  };
  visit(feature.children, ids(feature.tags));
  return scenarios;
}

/** Every scenario the project's feature files declare (root/features), with its uri relative to root as cucumber writes it. */
export function declaredScenarios(root: string): { uri: string; name: string; requirementIds: string[]; examples?: Record<string, string>[] }[] {
  return featureFiles(path.join(root, 'features'))
    .flatMap(scenariosOf)
    .map((scenario) => ({
      uri: path.relative(root, scenario.file),
      name: scenario.name,
      requirementIds: scenario.requirementIds,
      ...(scenario.examples ? { examples: scenario.examples } : {}),
    }));
}

/** An outline's scenario name as cucumber names the example row's run: its <column> placeholders filled from the row. */
export function pickleName(name: string, example: Readonly<Record<string, string>>): string {
  return name.replace(/<([^<>]+)>/g, (placeholder, column: string) => example[column] ?? placeholder);
}
