import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import '@/assets/base.css';

render(<SidePanel />, document.getElementById('app') as HTMLElement);
