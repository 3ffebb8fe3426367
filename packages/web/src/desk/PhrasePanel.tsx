import { useEffect, useState } from 'react';
import { Card, List, Radio, Tag, Typography } from 'antd';
import { ApiError, get } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { Phrase } from '../shared/types';

export type Moment = 'opening' | 'askToWait' | 'afterWait' | 'cannotAnswerNow' | 'angryCustomer' | 'closing';
const MOMENTS: Moment[] = ['opening', 'askToWait', 'afterWait', 'cannotAnswerNow', 'angryCustomer', 'closing'];

/**
 * Used when the server has no phrase library (GET /language/phrases answers
 * route_not_found): the seed's wording for the same moments (S1 part 3 and 5).
 */
const BUILT_IN: Record<Moment, string[]> = {
  opening: ['您好，{center}客服中心，{agentNo}号为您服务，请问您需要什么帮助？'],
  askToWait: ['您的问题我需要核实一下，请您稍等。'],
  afterWait: ['感谢您的耐心等待……'],
  cannotAnswerNow: ['对不起，这个问题我需要核实后再答复您，我们核实后在三个工作日内尽快与您联系。'],
  angryCustomer: ['请您不要着急，我一定尽力帮您解决。'],
  closing: ['请问您还需要其它帮助吗？', '感谢您的来电，再见！'],
};

/** The standard phrase for the moment of the call, beside the intake form. */
export function PhrasePanel({ moment, onMoment, customer, siteId, agentNo }: { moment: Moment; onMoment: (m: Moment) => void; customer?: string; siteId?: number; agentNo: string }) {
  const { t } = useI18n();
  const [server, setServer] = useState<Phrase[] | null>(null);
  const [source, setSource] = useState<'server' | 'builtIn'>('server');

  useEffect(() => {
    let cancelled = false;
    get<{ items: Phrase[] }>('/language/phrases', { moment, siteId, customer: customer || undefined })
      .then((r) => { if (!cancelled) { setServer(r.items); setSource('server'); } })
      .catch((e) => { if (!cancelled && e instanceof ApiError) { setServer(null); setSource('builtIn'); } });
    return () => { cancelled = true; };
  }, [moment, customer, siteId]);

  // Variables the server could not fill ({reason} …) are left for the agent, visibly.
  const blanks = (text: string) => text.replace(/\{(\w+)\}/g, '____');
  const texts = source === 'server' && server && server.length > 0
    ? server.slice(0, 3).map((p) => blanks([p.text, p.followUp].filter(Boolean).join(' ')))
    : BUILT_IN[moment].map((text) => blanks(text.replace('{agentNo}', agentNo).replace('{center}', '')));

  return (
    <Card size="small" title={t('phrase.title')} extra={<Tag>{source === 'server' && server?.length ? t('phrase.sourceServer') : t('phrase.sourceBuiltIn')}</Tag>} data-testid="phrase-panel">
      <Radio.Group
        size="small"
        value={moment}
        onChange={(e) => onMoment(e.target.value as Moment)}
        optionType="button"
        options={MOMENTS.map((m) => ({ value: m, label: t(`phrase.${m}`) }))}
        style={{ marginBottom: 8, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
        aria-label={t('phrase.moment')}
      />
      <List
        size="small"
        dataSource={texts}
        renderItem={(text) => <List.Item><Typography.Text style={{ fontSize: 15 }} copyable>{text}</Typography.Text></List.Item>}
      />
    </Card>
  );
}
