import { ScrollView, type ScrollViewProps } from '../widgets/ScrollView.js';

/** A wizard's screen: its lines in a scroll view that starts at the top of each new step. */
export function WizardScreen({
  step,
  ...props
}: ScrollViewProps & { readonly step: string }) {
  return <ScrollView key={step} {...props} />;
}
