import type { AgencyService } from '../complaints/directory.service.js';
import { GARDEN, PLAZA } from './demo-people.js';

/**
 * The external agency directory (S1 4.6.3.3(1) 市政配套) the desk gives to
 * customers of assistance complaints: the city's utility hotlines for every
 * site, and the local offices each site deals with.
 */
export interface DemoAgency {
  /** null: organisation-wide, shown at every site. */
  siteKey: string | null;
  service: AgencyService;
  name: string;
  phone: string;
  notes?: string;
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { siteKey: null, service: 'water', name: '北京自来水集团客服热线', phone: '96116', notes: '24小时；停水、水质、管网漏水' },
  { siteKey: null, service: 'power', name: '国网北京市电力公司', phone: '95598', notes: '24小时；停电报修、电费' },
  { siteKey: null, service: 'heating', name: '北京热力集团客服热线', phone: '96069', notes: '供暖季24小时' },
  { siteKey: null, service: 'gas', name: '北京燃气集团', phone: '96777', notes: '24小时；闻到燃气异味请先开窗、勿开关电器' },
  { siteKey: null, service: 'cable_tv', name: '歌华有线客服热线', phone: '96196' },
  { siteKey: null, service: 'telephone', name: '中国电信客服', phone: '10000' },
  { siteKey: null, service: 'telephone', name: '中国联通客服', phone: '10010' },
  { siteKey: GARDEN, service: 'power', name: '朝阳供电中心回音路供电所', phone: '010-85963321', notes: '工作日 8:30–17:30' },
  { siteKey: GARDEN, service: 'water', name: '朝阳区供水管理所', phone: '010-85963310' },
  { siteKey: PLAZA, service: 'power', name: '回音大街开闭站运维班（供电公司）', phone: '010-65881122', notes: '商场专用线路' },
  { siteKey: PLAZA, service: 'telephone', name: '回音大街通信机房（联通政企）', phone: '010-65881133', notes: '商户专线故障' },
];
