import { App, Button } from 'antd';
import { useI18n } from '../shared/i18n';

const UNDO_SECONDS = 10;

/**
 * A success message that offers to undo what was just done, for the steps the
 * server can take back by the opposite step (a transfer back, a reason
 * withdrawn). The undo is itself recorded: nothing is erased from the timeline.
 */
export function useUndoMessage() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (text: string, undo: () => Promise<void>) => {
    const key = `undo-${Date.now()}`;
    message.open({
      key,
      type: 'success',
      duration: UNDO_SECONDS,
      content: (
        <span>
          {text}
          <Button type="link" size="small" data-testid="undo" onClick={() => { message.destroy(key); void undo(); }}>{t('undo.action')}</Button>
        </span>
      ),
    });
  };
}
