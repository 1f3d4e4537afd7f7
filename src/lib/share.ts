/**
 * Giving a link to someone: copied to the clipboard, or handed to the system's share sheet where
 * there is one (phones). Shared by the simulator's Share button and the lecture's share link.
 * Neither is silent: each returns what happened, in words a status line can show.
 */

/** What the page says after each outcome. */
export const SHARE_MESSAGES = {
  copied: 'Link copied.',
  refused: 'Select the link and copy it.',
  shared: 'Link shared.',
  cancelled: '',
} as const;

export type ShareOutcome = keyof typeof SHARE_MESSAGES;

/** Copies `link`; 'refused' when the browser has no clipboard or the page may not write to it. */
export async function copyLink(link: string): Promise<'copied' | 'refused'> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard) return 'refused';
    await navigator.clipboard.writeText(link);
    return 'copied';
  } catch {
    return 'refused';
  }
}

/** Whether the system can share this link itself (a share sheet; most phones, some desktops). */
function canShareNatively(link: string): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function') return false;
  try {
    return typeof navigator.canShare !== 'function' || navigator.canShare({ url: link });
  } catch {
    return false;
  }
}

/**
 * Shares `link` through the system's share sheet where there is one, else copies it. Closing
 * the sheet is 'cancelled' (nothing to say); a sheet that fails or is refused falls back to the
 * clipboard.
 */
export async function shareLink(link: string, title: string): Promise<ShareOutcome> {
  if (canShareNatively(link)) {
    try {
      await navigator.share({ title, url: link });
      return 'shared';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
    }
  }
  return copyLink(link);
}
