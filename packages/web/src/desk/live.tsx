import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Notification, WorkOrderSummary } from '../shared/types';

/**
 * The server's event stream (GET /api/v1/events/stream, cookie-authenticated).
 * EventSource reconnects by itself and resends Last-Event-ID, so notifications
 * missed while offline still arrive.
 */
export interface Live {
  connected: boolean;
  /** Bumps on every event: lists and counts reload when it changes. */
  revision: number;
  lastOrder: WorkOrderSummary | null;
  notifications: Notification[];
  unread: number;
  markAllRead: () => void;
}

const LiveContext = createContext<Live | null>(null);

export function LiveProvider({ children, initial, onOrder, onNotification }: {
  children: ReactNode;
  initial: Notification[];
  onOrder: (order: WorkOrderSummary) => void;
  onNotification: (notification: Notification) => void;
}) {
  const [connected, setConnected] = useState(false);
  const [revision, setRevision] = useState(0);
  const [lastOrder, setLastOrder] = useState<WorkOrderSummary | null>(null);
  const [notifications, setNotifications] = useState<Notification[]>(initial);
  const handlers = useRef({ onOrder, onNotification });
  handlers.current = { onOrder, onNotification };

  useEffect(() => {
    const source = new EventSource('/api/v1/events/stream', { withCredentials: true });
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('work_order.created', (event) => {
      const order = JSON.parse((event as MessageEvent<string>).data) as WorkOrderSummary;
      setLastOrder(order);
      setRevision((r) => r + 1);
      handlers.current.onOrder(order);
    });
    source.addEventListener('notification', (event) => {
      const notification = JSON.parse((event as MessageEvent<string>).data) as Notification;
      setNotifications((list) => (list.some((n) => n.id === notification.id) ? list : [notification, ...list].slice(0, 100)));
      setRevision((r) => r + 1);
      handlers.current.onNotification(notification);
    });
    return () => source.close();
  }, []);

  const value: Live = {
    connected, revision, lastOrder, notifications,
    unread: notifications.filter((n) => n.readAt === null).length,
    markAllRead: () => setNotifications((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }))),
  };
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}
