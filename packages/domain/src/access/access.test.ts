import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, isPlausiblePhone } from './phone-mask.js';
import { hasPermission } from './roles.js';

describe('phone masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138-1234-1234', '138****1234'],
    ['021-62345678', '021****5678'],
    ['62345678', '******78'],
    ['1234', '****'],
  ])('%s → %s', (input, masked) => expect(maskPhone(input)).toBe(masked));

  it('normalises national prefixes and separators', () => {
    expect(normalisePhone('+86 138 1234 1234')).toBe('13812341234');
    expect(normalisePhone('0086-13812341234')).toBe('13812341234');
    expect(isPlausiblePhone('(021) 6234-5678')).toBe(true);
    expect(isPlausiblePhone('call me')).toBe(false);
  });
});

describe('role permissions', () => {
  it('department handlers do not see full phone numbers; agents do', () => {
    expect(hasPermission('handler', 'contact.view')).toBe(false);
    expect(hasPermission('department_head', 'contact.view')).toBe(false);
    expect(hasPermission('agent', 'contact.view')).toBe(true);
  });
  it('customers read only their own orders and manage nothing', () => {
    expect(hasPermission('customer', 'work_order.read_own')).toBe(true);
    expect(hasPermission('customer', 'work_order.read_site')).toBe(false);
    expect(hasPermission('customer', 'user.manage')).toBe(false);
    expect(hasPermission('customer', 'contact.view')).toBe(false);
  });
  it('only admins manage users; agents cannot cancel', () => {
    expect(hasPermission('admin', 'user.manage')).toBe(true);
    expect(hasPermission('supervisor', 'user.manage')).toBe(false);
    expect(hasPermission('agent', 'work_order.cancel')).toBe(false);
    expect(hasPermission('supervisor', 'work_order.cancel')).toBe(true);
  });
});
