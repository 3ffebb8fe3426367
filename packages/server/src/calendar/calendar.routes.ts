import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DAY_TYPES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, Id, IdParams, Nullable } from '../http/schema-helpers.js';
import { literalUnion } from '../work-orders/work-order.schemas.js';
import {
  importCalendar, listCalendarDays, listCalendarOverrides, MAX_LISTED_DAYS, removeCalendarOverride, setCalendarOverride, withdrawOfficialYear,
} from './calendar.service.js';

const tags = ['calendar'];
const IsoDate = (description?: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });
const Year = Type.Integer({ minimum: 1900, maximum: 2200 });
const DayTypeSchema = literalUnion(DAY_TYPES, 'workday, weekend, holiday (法定节假日/闭馆日), makeup_workday (调休上班)');

const Day = Type.Object({
  date: Type.String(),
  type: DayTypeSchema,
  name: Type.Optional(Type.String()),
  working: Type.Boolean(),
  provisional: Type.Boolean({ description: 'The year has no official data yet: a weekends-only guess (plus overrides)' }),
});

const Override = Type.Object({
  id: Type.Integer(),
  siteId: Nullable(Type.Integer({ description: 'null: the whole organisation' })),
  date: Type.String(),
  type: DayTypeSchema,
  name: Nullable(Type.String()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
});

const Recomputed = Type.Object({
  orders: Type.Integer({ description: 'Open orders whose deadlines were checked' }),
  changedClocks: Type.Integer({ description: 'Deadlines that moved or lost/gained “provisional” (each on its order’s timeline)' }),
});
const ChangeResult = { calendarVersion: Type.Integer(), recomputed: Recomputed };

export const calendarRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/calendar/days', {
    schema: {
      tags,
      summary: `Working days of a site (or the organisation) from one date to another, at most ${MAX_LISTED_DAYS} days`,
      querystring: Type.Object({ site: Type.Optional(Id), from: IsoDate(), to: IsoDate() }, { additionalProperties: false }),
      response: { 200: Type.Object({ siteId: Nullable(Type.Integer()), calendarVersion: Type.Integer(), items: Type.Array(Day) }), ...errorResponses },
    },
  }, async (request) => listCalendarDays(app, requestContext(request, app), request.query));

  fastify.get('/calendar/overrides', {
    schema: {
      tags,
      summary: 'The organisation’s own calendar days (notices entered ahead of the statutory data, closure days) and its official years',
      querystring: Type.Object({ year: Type.Optional(Year), siteId: Type.Optional(Id) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Override),
          officialYears: Type.Object({ statutory: Type.Array(Type.Integer()), declared: Type.Array(Type.Integer()) }),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => listCalendarOverrides(app, requestContext(request, app), request.query));

  fastify.post('/calendar/overrides', {
    schema: {
      tags,
      summary: 'Set one day (organisation-wide or for one site); open deadlines are recomputed. Administrators only.',
      body: Type.Object({
        siteId: Type.Optional(Nullable(Id)),
        date: IsoDate(),
        type: DayTypeSchema,
        name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ override: Override, ...ChangeResult }), ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await setCalendarOverride(app, requestContext(request, app), request.body)));

  fastify.delete('/calendar/overrides/:id', {
    schema: { tags, summary: 'Remove a day set by the organisation; open deadlines are recomputed', params: IdParams, response: { 200: Type.Object(ChangeResult), ...errorResponses } },
  }, async (request) => removeCalendarOverride(app, requestContext(request, app), request.params.id));

  fastify.post('/calendar/import', {
    schema: {
      tags,
      summary: 'Import days from an .ics file or a JSON list; officialYear marks the import as the complete notice for that year',
      body: Type.Object({
        format: literalUnion(['ics', 'json'] as const),
        content: Type.Union([Type.String({ maxLength: 200_000 }), Type.Array(Type.Unknown(), { maxItems: 4000 })], {
          description: 'The .ics text, or JSON [{date, type, name}] as text or as an array',
        }),
        siteId: Type.Optional(Nullable(Id)),
        officialYear: Type.Optional(Year),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ imported: Type.Integer(), replaced: Type.Integer(), officialYear: Nullable(Type.Integer()), ...ChangeResult }),
        ...errorResponses,
      },
    },
  }, async (request) => importCalendar(app, requestContext(request, app), request.body));

  fastify.delete('/calendar/official-years/:year', {
    schema: {
      tags,
      summary: 'Withdraw a year declared official by an import: its deadlines become provisional again',
      params: Type.Object({ year: Year }, { additionalProperties: false }),
      response: { 200: Type.Object(ChangeResult), ...errorResponses },
    },
  }, async (request) => withdrawOfficialYear(app, requestContext(request, app), request.params.year));
};
