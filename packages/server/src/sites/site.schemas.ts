import { Type } from 'typebox';
import { WEEKDAY_KEYS } from '@huiyin/domain';
import { Line, Nullable, Text } from '../http/schema-helpers.js';

const Ranges = Type.Array(Type.String({ maxLength: 32 }), {
  maxItems: 8,
  description: "Ranges 'HH:MM-HH:MM'. Several ranges are a split shift; an end before the start crosses midnight ('22:00-06:00' belongs to the day it starts on); '24:00' may end a range",
});

export const ServiceHoursSchema = Type.Object({
  weekly: Type.Object(Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, Type.Optional(Ranges)])), { additionalProperties: false, description: 'By weekday: sun, mon … sat; a missing day is closed' }),
  makeupDay: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8, description: 'Hours on a make-up workday (调休上班); default Monday’s' })),
  openOnRestDays: Type.Optional(Type.Boolean({ description: 'The desk also serves on weekends and holidays (a mall)' })),
}, { additionalProperties: false });

/** IANA names: letters, digits, '_', '+', '-', separated by '/'. Intl decides whether the zone exists. */
const TimeZoneName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$', examples: ['Asia/Shanghai'] });

const SiteFields = {
  name: Line(100),
  kind: Line(40, { description: 'residential, mall, club …' }),
  timeZone: TimeZoneName,
  twentyFourHour: Type.Boolean({ description: '24 小时值班: hour limits run on the wall clock' }),
  serviceHours: Nullable(ServiceHoursSchema),
  address: Nullable(Text(200)),
};

export const CreateSiteBody = Type.Object({
  name: SiteFields.name,
  kind: Type.Optional(SiteFields.kind),
  timeZone: Type.Optional(SiteFields.timeZone),
  twentyFourHour: Type.Optional(SiteFields.twentyFourHour),
  serviceHours: Type.Optional(SiteFields.serviceHours),
  address: Type.Optional(SiteFields.address),
}, { additionalProperties: false });

export const UpdateSiteBody = Type.Object({
  name: Type.Optional(SiteFields.name),
  kind: Type.Optional(SiteFields.kind),
  timeZone: Type.Optional(SiteFields.timeZone),
  twentyFourHour: Type.Optional(SiteFields.twentyFourHour),
  serviceHours: Type.Optional(Type.Union([ServiceHoursSchema, Type.Null()], { description: 'null: the default office hours (Mon–Fri 09:00–18:00)' })),
  address: Type.Optional(SiteFields.address),
}, { additionalProperties: false, minProperties: 1 });

export const SiteView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  timeZone: Type.String(),
  twentyFourHour: Type.Boolean(),
  address: Nullable(Type.String()),
  serviceHours: Nullable(ServiceHoursSchema),
  calendarVersion: Type.Optional(Type.Integer({ description: 'Set when the change moved the calendar (hours, time zone, 24-hour duty)' })),
  recomputed: Type.Optional(Type.Object({ orders: Type.Integer(), changedClocks: Type.Integer() })),
});
