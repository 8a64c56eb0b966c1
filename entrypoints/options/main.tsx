import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/assets/base.css';
import { localisePage } from '@/utils/pages/page-language';
import '@/assets/options.css';

localisePage('optionsTitle');
render(<Options />, document.getElementById('app') as HTMLElement);
