import '../shared/browser/install-browser.ts';
import '../shared/ui/ui.css';
import './popup.css';
import { render } from 'preact';
import { ext } from '../shared/browser/browser.ts';
import { applyTones } from '../shared/ui/tone-style.ts';
import { App } from './App.tsx';

applyTones(document);
document.documentElement.lang = ext().i18n.getUILanguage();
document.title = ext().i18n.getMessage('extName') || 'Spinscope';
const root = document.getElementById('app');
if (root) render(<App />, root);
