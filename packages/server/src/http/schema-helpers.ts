import { Type, type TSchema, type TStringOptions as StringOptions } from 'typebox';

// Control characters other than tab and line breaks never belong in user text.
const NO_CONTROL_CHARACTERS = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** Free text typed by a person: bounded, no control characters. */
export const Text = (maxLength: number, options: StringOptions = {}) =>
  Type.String({ maxLength, pattern: NO_CONTROL_CHARACTERS, ...options });

/** A non-empty line of text (a name, a label). */
export const Line = (maxLength: number, options: StringOptions = {}) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[^\\u0000-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u001F\\u007F]*$', ...options });

export const DateTime = (options: StringOptions = {}) => Type.String({ format: 'date-time', ...options });

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Reference to the shared problem+json schema registered in app.ts. */
export const ProblemRef = Type.Ref('Problem');

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** Standard error responses every authenticated route can give. */
export const errorResponses = {
  400: ProblemRef,
  401: ProblemRef,
  403: ProblemRef,
  404: ProblemRef,
  409: ProblemRef,
  422: ProblemRef,
};
