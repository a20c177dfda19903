import './project.css';

/**
 * What opening a project did, said over the page. Opening shows the saved
 * view, which is usually another tab, so the Your data section that opened
 * it is gone by then; this notice is plain DOM on <body> and outlives it.
 * One at a time; the person closes it (focus goes to its Close button).
 */
export function showOpenedNotice(text: string): void {
  document.querySelector('.project-notice')?.remove();
  const box = document.createElement('div');
  box.className = 'project-notice';
  box.setAttribute('role', 'status');
  box.dataset.testid = 'project-notice';
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.setAttribute('aria-label', 'Close this message');
  close.addEventListener('click', () => box.remove());
  box.addEventListener('keydown', (e) => e.key === 'Escape' && box.remove());
  box.append(p, close);
  document.body.append(box);
  close.focus();
}
