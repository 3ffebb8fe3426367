import type { ReactNode } from 'react';
import { Modal } from 'antd';
import { useI18n } from '../../shared/i18n';

/** The modal every editing dialog of these screens uses: OK submits the form, its button spins while saving. */
export function FormDialog({ open, title, okText, busy, testId, width, onClose, onOk, children }: {
  open: boolean;
  title: ReactNode;
  okText?: string;
  busy: boolean;
  /** data-testid of the OK button, for the browser journeys. */
  testId: string;
  width?: number;
  onClose: () => void;
  onOk: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': testId } as never}
      width={width}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
