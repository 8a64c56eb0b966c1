import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import '@/assets/base.css';
import { localisePage } from '@/utils/pages/page-language';

localisePage('extName');
render(<SidePanel />, document.getElementById('app') as HTMLElement);
