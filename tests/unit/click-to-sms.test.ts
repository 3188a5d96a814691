import { describe, expect, it } from 'vitest';
import { numberFromContextMenu } from '../../lib/sms/click-to-sms';

describe('the number a "Send SMS with Texto" click is about', () => {
  it('reads tel: and sms: links, dropping their parameters', () => {
    expect(numberFromContextMenu({ linkUrl: 'tel:+33612345678' })).toBe('+33612345678');
    expect(numberFromContextMenu({ linkUrl: 'tel:%2B33%206%2012%2034%2056%2078' })).toBe('+33 6 12 34 56 78');
    expect(numberFromContextMenu({ linkUrl: 'sms:0612345678?body=Bonjour' })).toBe('0612345678');
    expect(numberFromContextMenu({ linkUrl: 'SMS://+1-202-555-0143;ext=2' })).toBe('+1-202-555-0143');
  });

  it('reads a selected number written in the usual ways', () => {
    expect(numberFromContextMenu({ selectionText: ' 06 12 34 56 78 ' })).toBe('06 12 34 56 78');
    expect(numberFromContextMenu({ selectionText: '+33 (0)6.12.34.56.78' })).toBe('+33 (0)6.12.34.56.78');
  });

  it('ignores what is not a phone number', () => {
    expect(numberFromContextMenu({ selectionText: 'Camille Lefebvre' })).toBeUndefined();
    expect(numberFromContextMenu({ selectionText: '2026' })).toBeUndefined();
    expect(numberFromContextMenu({ linkUrl: 'https://crm.example/call?to=0612345678' })).toBeUndefined();
    expect(numberFromContextMenu({ selectionText: '1'.repeat(41) })).toBeUndefined();
    expect(numberFromContextMenu({})).toBeUndefined();
  });
});
