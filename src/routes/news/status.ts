import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';

const day = (iso: string) =>
  formatDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso)));

/** "Đã đăng", "Hẹn đăng 05/12/2026", "Nháp", "Đã gỡ". */
export function newsStatus(status: string, publishAt: string | null, now = new Date().toISOString()): string {
  if (status === 'published')
    return publishAt && publishAt > now
      ? m.pub_news_status_scheduled({ date: day(publishAt) })
      : m.pub_news_status_published();
  return status === 'unpublished' ? m.pub_news_status_unpublished() : m.pub_news_status_draft();
}
