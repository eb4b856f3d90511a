/** The question before a shared platform joins the trusted sites, typed in or imported: Cancel has the focus. */
import { t } from '../shared/browser/i18n.ts';

interface Props {
  /** Prefix of the test ids and the element id: `${name}-warning`, `${name}-confirm`. */
  name: string;
  warning: string;
  /** What "trust anyway" trusts, as the button names it. */
  sites: string;
  onAnswer(yes: boolean): void;
}

export function PlatformConfirm({ name, warning, sites, onAnswer }: Props) {
  return (
    <div class="confirm" role="alertdialog" aria-describedby={`${name}-warning-text`} data-testid={`${name}-warning`}>
      <p id={`${name}-warning-text`} class="note tone-red">
        {warning}
      </p>
      <div class="row">
        <button type="button" data-testid={`${name}-confirm`} onClick={() => onAnswer(true)}>
          {t('trustConfirmAnyway', sites)}
        </button>
        <button type="button" class="primary" ref={(el) => el?.focus()} onClick={() => onAnswer(false)}>
          {t('trustCancel')}
        </button>
      </div>
    </div>
  );
}
