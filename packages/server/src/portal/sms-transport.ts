import type { FastifyBaseLogger } from 'fastify';

/**
 * How a one-time code reaches the customer's phone. Production plugs in an SMS
 * gateway here; the development transport writes the code to the server log so
 * a developer (or a browser test) can read it.
 */
export interface SmsTransport {
  send(message: { phone: string; code: string; purpose: 'signup' | 'login'; expiresAt: Date }): Promise<void>;
}

export function developmentSmsTransport(log: FastifyBaseLogger): SmsTransport {
  return {
    async send({ phone, code, purpose, expiresAt }) {
      log.info({ smsTo: phone, smsCode: code, purpose, expiresAt: expiresAt.toISOString() }, `短信验证码 SMS code for ${phone}: ${code} (development transport)`);
    },
  };
}
