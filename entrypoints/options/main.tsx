import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/assets/base.css';
import '@/assets/options.css';

render(<Options />, document.getElementById('app') as HTMLElement);
