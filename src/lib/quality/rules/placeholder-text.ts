import { hasPlaceholder, isPlaceholder, placeholderIn } from '../placeholders';
import { maskNonProse } from '../text';
import { bodySectionTexts } from './body-sections';
import type { Finding, QualityRule, RuleContext } from '../types';

/** A draft may still hold placeholders; once it goes to review, every placeholder is an error. */
const beyondDraft = (ctx: RuleContext) => ctx.data.status !== 'draft';

/** Prose fields the author writes after `new` (the title is answered in `new` itself). */
const writtenByAuthor = (ctx: RuleContext) => ctx.textFields.filter((f) => f.kind === 'prose' && f.field !== 'title');

const FIX = "replace it with what happened (keep status: draft until every field and section is written)";

export const placeholderText: QualityRule = {
  id: 'quality/placeholder-text',
  level: 'warning',
  family: 'placeholder',
  description: "No field or body line still carries the template's placeholder (TODO, TBD, FIXME, XXX, or the template's own guidance). A warning in a draft; always an error once the postmortem is in review or published.",
  enforcedAsError: beyondDraft,
  check(ctx) {
    const out: Finding[] = ctx.textFields
      .filter((f) => f.kind === 'prose' && isPlaceholder(f.text))
      .map((f) => ({ field: f.field, message: `still holds the template's placeholder (${placeholderIn(f.text)})`, fix: FIX }));
    const masked = maskNonProse(ctx.body);
    let offset = 0;
    for (const line of masked.split('\n')) {
      if (!/^\s{0,3}#/.test(line) && hasPlaceholder(line)) {
        out.push({ field: 'body', line: ctx.bodyLine(offset), message: `still holds the template's placeholder (${placeholderIn(line)})`, fix: FIX });
      }
      offset += line.length + 1;
    }
    return out;
  },
};

export const stillTemplate: QualityRule = {
  id: 'quality/still-template',
  level: 'warning',
  family: 'placeholder',
  description: 'Something beyond the answers to `hindsight new` has been written: a postmortem whose every text field and section is still the template scores 0.',
  enforcedAsError: beyondDraft,
  check(ctx) {
    const fields = writtenByAuthor(ctx);
    const sections = bodySectionTexts(ctx.body);
    const fieldsUnwritten = fields.every((f) => isPlaceholder(f.text));
    const bodyUnwritten = sections.every((s) => s.text.trim() === '' || isPlaceholder(s.text)) && (sections.length > 0 || ctx.body.trim() === '');
    if (!fieldsUnwritten || !bodyUnwritten) return [];
    return [{
      field: '',
      line: 1,
      message: 'is still the template: no field or section has been written beyond the answers to `hindsight new`',
      fix: 'write the summary, timeline, impact, root cause, 5 Whys, action items and the body sections; until then keep status: draft',
    }];
  },
};
