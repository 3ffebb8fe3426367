import { Type } from 'typebox';
import { Id, Line, Nullable } from '../http/schema-helpers.js';

/** Bodies and views of the organisation's own records: its profile, departments and category tree. */

export const OrganisationView = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'Shown to customers in the standard phrases (“您好，××客服中心”)' }),
  code: Type.String({ description: 'Fixed identifier chosen at creation' }),
  numberPrefix: Type.String({ description: 'Letters in front of every new work-order number (HY2611250007)' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const NUMBER_PREFIX_PATTERN = '^[A-Z]{1,6}$';

export const OrganisationPatchBody = Type.Object({
  name: Type.Optional(Line(100)),
  numberPrefix: Type.Optional(Type.String({
    pattern: NUMBER_PREFIX_PATTERN,
    description: '1–6 capital letters; applies to orders taken in from now on (numbers already given never change)',
  })),
}, { additionalProperties: false, minProperties: 1 });

export const DepartmentView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  siteId: Nullable(Type.Integer({ description: 'null: serves every site' })),
  active: Type.Boolean({ description: 'A deactivated department keeps its history but takes no new users or routes' }),
});

export const DepartmentCreateBody = Type.Object({ name: Line(100), siteId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });

export const DepartmentPatchBody = Type.Object({
  name: Type.Optional(Line(100)),
  siteId: Type.Optional(Nullable(Id)),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

/** A category name is one level of a path joined by '/', so it cannot contain one. */
const CategoryName = Line(50, { pattern: '^[^/\\u0000-\\u001F\\u007F]*[^/\\s\\u0000-\\u001F\\u007F][^/\\u0000-\\u001F\\u007F]*$', description: 'No “/”: it separates the levels of a path' });
const Position = Type.Integer({ minimum: 0, maximum: 10_000, description: 'Place among its siblings, 0 = first; past the end = last' });

export const CategoryView = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  name: Type.String(),
  path: Type.String(),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});

export const CategoryCreateBody = Type.Object({
  parentId: Nullable(Id),
  name: CategoryName,
  position: Type.Optional(Position),
}, { additionalProperties: false });

export const CategoryPatchBody = Type.Object({
  name: Type.Optional(CategoryName),
  parentId: Type.Optional(Nullable(Id)),
  position: Type.Optional(Position),
  active: Type.Optional(Type.Boolean({ description: 'Applies to the category and everything under it' })),
}, { additionalProperties: false, minProperties: 1 });
