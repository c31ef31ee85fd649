import { errorMessage } from './error-message';
import { alert } from './gateway/ui';
import { captionOf } from './menu';

/**
 * A menu action that never ends in Apps Script's raw English error box: an unexpected failure is logged
 * (Stackdriver) and shown in Vietnamese.
 */
export function menuAction(functionName: string, action: () => void): () => void {
  return () => {
    try {
      action();
    } catch (error) {
      console.error(error);
      const detail = errorMessage(error);
      alert(
        captionOf(functionName),
        `Thao tác “${captionOf(functionName)}” chưa hoàn tất do một lỗi không lường trước: ${detail}`,
      );
    }
  };
}
