import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Progress, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError, get, post } from '../../shared/api';
import { label, useI18n, type Translate } from '../../shared/i18n';
import { formatAt } from '../../shared/time';
import { useDesk } from '../session';
import { AppealDialog, DecisionDialog, type DecisionTarget } from './AppealDialogs';
import { problemText } from './feedback';
import { segmentsOf } from './hits';
import { Score } from './score';
import { agentName, type ConversationDetail, type Finding, type Hit } from './types';

type Turn = ConversationDetail['turns'][number];

/** "+1:25" from the start of the conversation. */
const offset = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const findingSummary = (t: Translate, f: Finding) => `${label(t, 'language.check', f.check)} · ${t('language.quality.turnNo', { n: f.turnIndex + 1 })} · ${f.message}`;

/** One inspected conversation: the score and its reasons, each finding pinned to its turn; review and appeals. */
export default function ConversationPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [focused, setFocused] = useState<number | null>(null);
  const [appealing, setAppealing] = useState<Finding | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await get<ConversationDetail>(`/quality/conversations/${id}`));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else throw e;
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const focus = (turn: number) => {
    setFocused(turn);
    document.getElementById(`turn-${turn}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  if (missing) return <Result status="404" title={t('language.quality.notFound')} extra={<Button onClick={() => navigate('/language/quality')}>{t('common.back')}</Button>} />;
  if (!detail) return <Card><Skeleton active /></Card>;

  const own = detail.agent.id === desk.me.id;
  const canInspect = desk.can('quality.inspect');
  const findings = detail.turns.flatMap((turn) => turn.findings);
  const actions = {
    onAppeal: own ? setAppealing : undefined,
    onDecide: canInspect ? (f: Finding, accepted: boolean) => f.appeal && setDeciding({ appealId: f.appeal.id, summary: findingSummary(t, f), reason: f.appeal.reason, accepted }) : undefined,
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="conversation-title">{t('language.quality.conversationTitle', { id: detail.externalId ?? `#${detail.id}` })}</Typography.Title>
        <Tag>{label(t, 'language.channel', detail.channel)}</Tag>
        {detail.complaint && <Tag color="volcano">{t('language.quality.complaint')}</Tag>}
        {detail.review && <Tag color="green">{t('language.quality.reviewedYes')}</Tag>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('language.quality.turns')} size="small">
            {detail.turns.map((turn) => <TurnRow key={turn.index} turn={turn} focused={focused === turn.index} timeZone={desk.timeZone} {...actions} />)}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
                <Progress type="circle" size={88} percent={detail.score} strokeColor={detail.score >= 90 ? '#52c41a' : detail.score >= 60 ? '#faad14' : '#cf1322'} format={() => <span data-testid="detail-score">{detail.score}</span>} />
                <Descriptions column={1} size="small" style={{ flex: 1 }}>
                  <Descriptions.Item label={t('language.quality.agent')}>{agentName(detail.agent)}</Descriptions.Item>
                  <Descriptions.Item label={t('language.quality.startedAt')}>{formatAt(t, detail.startedAt, desk.timeZone)}</Descriptions.Item>
                  {detail.originalScore !== detail.score && <Descriptions.Item label={t('language.quality.originalScore')}><Score score={detail.score} original={detail.originalScore} size={14} /></Descriptions.Item>}
                  <Descriptions.Item label={t('language.quality.lexiconVersion')}>v{detail.lexiconVersion}</Descriptions.Item>
                </Descriptions>
              </div>
            </Card>
            <Card size="small" title={t('language.quality.reasons')}>
              {findings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('language.quality.noFindings')} /> : findings.map((f) => (
                <div key={f.id} style={{ padding: '4px 0', cursor: 'pointer' }} onClick={() => focus(f.turnIndex)} data-testid="reason">
                  <Tag color={f.status === 'standing' ? 'red' : 'default'}>{label(t, 'language.check', f.check)}</Tag>
                  <Typography.Link>{t('language.quality.turnNo', { n: f.turnIndex + 1 })}</Typography.Link>{' '}
                  <Typography.Text delete={f.status !== 'standing'}>{f.message}</Typography.Text>{' '}
                  <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>{f.status === 'standing' ? t('language.quality.deduction', { n: Math.round(f.deduction * 10) / 10 }) : ''}</Typography.Text>
                </div>
              ))}
            </Card>
            <Card size="small" title={t('language.quality.checks')}>
              <Table
                size="small"
                rowKey="check"
                pagination={false}
                dataSource={detail.checks}
                columns={[
                  { title: t('language.quality.check'), dataIndex: 'check', render: (c: string) => label(t, 'language.check', c) },
                  { title: t('language.quality.weight'), dataIndex: 'weight', width: 60, align: 'right' },
                  {
                    title: t('language.quality.earned'), key: 'earned', width: 150,
                    render: (_, c) => (c.applicable
                      ? <Progress percent={Math.round(c.earned * 100)} size="small" status={c.earned < 1 ? 'exception' : 'success'} />
                      : <Typography.Text type="secondary">{t('language.quality.notApplicable')}</Typography.Text>),
                  },
                ]}
              />
            </Card>
            {canInspect && <ReviewCard detail={detail} onReviewed={setDetail} />}
            {!canInspect && detail.review && <ReviewCard detail={detail} onReviewed={setDetail} readOnly />}
          </Space>
        </Col>
      </Row>
      <AppealDialog findingId={appealing?.id ?? null} summary={appealing ? findingSummary(t, appealing) : ''} onClose={() => setAppealing(null)} onDone={() => { setAppealing(null); void load(); }} />
      <DecisionDialog target={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void load(); }} />
    </Space>
  );
}

/** One turn: who spoke and when, the text with the hits marked, and the findings that point at it. */
function TurnRow({ turn, focused, timeZone, onAppeal, onDecide }: {
  turn: Turn;
  focused: boolean;
  timeZone: string;
  onAppeal?: (f: Finding) => void;
  onDecide?: (f: Finding, accepted: boolean) => void;
}) {
  const { t } = useI18n();
  const agent = turn.speaker === 'agent';
  const flagged = turn.findings.some((f) => f.status === 'standing');
  const hits = turn.findings.flatMap((f) => (f.hit && typeof f.hit.start === 'number' && typeof f.hit.end === 'number' ? [f.hit as Hit] : []));
  return (
    <div
      id={`turn-${turn.index}`}
      data-testid="turn"
      data-flagged={flagged ? 'true' : 'false'}
      style={{
        display: 'flex', gap: 10, padding: '8px 10px', marginBottom: 6, borderRadius: 6,
        borderInlineStart: `3px solid ${flagged ? '#cf1322' : agent ? '#1668dc' : '#d9d9d9'}`,
        background: flagged ? '#fff1f0' : agent ? '#f5f9ff' : '#fafafa',
        outline: focused ? '2px solid #faad14' : undefined, transition: 'outline 0.2s',
      }}
    >
      <div style={{ width: 76, flexShrink: 0 }}>
        <Tag color={agent ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>{t(agent ? 'language.speaker.agent' : 'language.speaker.customer')}</Tag>
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, turn.time, timeZone, 'fmt.time')} {offset(turn.at)}</Typography.Text></div>
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>#{turn.index + 1}</Typography.Text>{' '}
        <span style={{ fontSize: 14, whiteSpace: 'pre-wrap' }}>
          {segmentsOf(turn.text, hits).map((s, i) => (s.hit
            ? <mark key={i} data-testid="turn-hit" style={{ background: 'rgba(255,77,79,0.18)', textDecoration: 'underline wavy #cf1322', textUnderlineOffset: 3, padding: 0 }}>{s.text}</mark>
            : <span key={i}>{s.text}</span>))}
        </span>
        {turn.findings.map((f) => <FindingLine key={f.id} finding={f} onAppeal={onAppeal} onDecide={onDecide} />)}
      </div>
    </div>
  );
}

function FindingLine({ finding: f, onAppeal, onDecide }: { finding: Finding; onAppeal?: (f: Finding) => void; onDecide?: (f: Finding, accepted: boolean) => void }) {
  const { t } = useI18n();
  const standing = f.status === 'standing';
  return (
    // Inline flow, not flex: a long message wraps under its tag instead of pushing every part onto a line of its own.
    <div style={{ marginTop: 4, fontSize: 13, lineHeight: '22px' }} data-testid="finding">
      <Tag color={standing ? 'red' : 'default'}>{label(t, 'language.check', f.check)}</Tag>
      <Typography.Text delete={!standing} style={{ fontSize: 13 }}>{f.message}</Typography.Text>
      {standing && <Typography.Text type="danger" style={{ fontSize: 13, marginInlineStart: 6, whiteSpace: 'nowrap' }}>{t('language.quality.deduction', { n: Math.round(f.deduction * 10) / 10 })}</Typography.Text>}
      {f.appeal && <Tag style={{ marginInlineStart: 6 }} color={f.appeal.status === 'pending' ? 'gold' : f.appeal.status === 'accepted' ? 'green' : 'default'}>{t(`language.appealStatus.${f.appeal.status}`)}</Tag>}
      {f.appeal?.decisionNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.appeal.decisionNote}</Typography.Text>}
      {!f.appeal && standing && onAppeal && <Button size="small" style={{ marginInlineStart: 8 }} onClick={() => onAppeal(f)} data-testid="appeal-open">{t('language.appeal.open')}</Button>}
      {f.appeal?.status === 'pending' && onDecide && (
        <Space size={4} style={{ marginInlineStart: 8 }}>
          <Button size="small" onClick={() => onDecide(f, true)}>{t('language.decision.acceptShort')}</Button>
          <Button size="small" onClick={() => onDecide(f, false)}>{t('language.decision.rejectShort')}</Button>
        </Space>
      )}
    </div>
  );
}

/** The supervisor's review note (a later review replaces it; the audit log keeps each). */
function ReviewCard({ detail, onReviewed, readOnly = false }: { detail: ConversationDetail; onReviewed: (d: ConversationDetail) => void; readOnly?: boolean }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    try {
      onReviewed(await post<ConversationDetail>(`/quality/conversations/${detail.id}/review`, { note }));
      form.resetFields();
      message.success(t('language.review.done'));
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('language.review.title')} data-testid="review">
      {detail.review && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{agentName(detail.review.by)} · {formatAt(t, detail.review.at, desk.timeZone)}</Typography.Text>
          <br />{detail.review.note}
        </Typography.Paragraph>
      )}
      {!readOnly && (
        <Form form={form} onFinish={(v) => void submit(v)}>
          <Form.Item name="note" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ marginBottom: 8 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('language.review.placeholder')} id="review-note" />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={busy} data-testid="review-submit">{detail.review ? t('language.review.again') : t('language.review.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}
